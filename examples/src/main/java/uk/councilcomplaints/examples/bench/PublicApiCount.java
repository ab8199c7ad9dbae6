package uk.councilcomplaints.examples.bench;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Counts a module's public API in a folder of compiled classes: public top-level types, public nested types (every
 * enclosing type public too), and the public methods they declare (neither synthetic nor bridge). Usage:
 * {@code PublicApiCount complaints-core/target/classes}.
 */
public final class PublicApiCount {

    private PublicApiCount() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Path root = Path.of(args.length == 0 ? "complaints-core/target/classes" : args[0]);
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(p -> root.relativize(p).toString())
                    .filter(p -> p.endsWith(".class") && !p.endsWith("package-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.')).sorted().toList();
        }
        int topLevel = 0;
        int nested = 0;
        int methods = 0;
        // the folder first, then this program's class path for the dependencies, so its classes are the ones read
        List<URL> path = new ArrayList<>(List.of(root.toUri().toURL()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            path.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(path.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass() || !publicAllTheWay(type)) {
                    continue;
                }
                if (type.getEnclosingClass() == null) {
                    topLevel++;
                } else {
                    nested++;
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                        methods++;
                    }
                }
            }
        }
        System.out.printf("%s: %d public top-level types, %d public nested types, %d public methods%n", root, topLevel,
                nested, methods);
    }

    private static boolean publicAllTheWay(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
