package uk.councilcomplaints.store.memory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.PersonalData;

/**
 * Personal data held as one byte array (each field's text after its length, in UTF-8, or as UTF-16 chars when
 * UTF-8 cannot hold it exactly), a third of the heap of the objects it stands for; decoded into new objects on
 * every read.
 */
final class PersonalDataCodec {

    private PersonalDataCodec() {
    }

    static byte[] encode(PersonalData data) {
        Complainant who = data.complainant();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write((who.email().isPresent() ? 1 : 0) | (who.phone().isPresent() ? 2 : 0)
                | (who.address().isPresent() ? 4 : 0));
        write(out, who.name());
        who.email().ifPresent(text -> write(out, text));
        who.phone().ifPresent(text -> write(out, text));
        who.address().ifPresent(text -> write(out, text));
        write(out, data.summary());
        return out.toByteArray();
    }

    static PersonalData decode(byte[] bytes) {
        int flags = bytes[0];
        int[] at = {1};
        List<String> texts = new ArrayList<>(5);
        while (at[0] < bytes.length) {
            texts.add(read(bytes, at));
        }
        int i = 0;
        String name = texts.get(i++);
        Optional<String> email = (flags & 1) != 0 ? Optional.of(texts.get(i++)) : Optional.empty();
        Optional<String> phone = (flags & 2) != 0 ? Optional.of(texts.get(i++)) : Optional.empty();
        Optional<String> address = (flags & 4) != 0 ? Optional.of(texts.get(i++)) : Optional.empty();
        return new PersonalData(new Complainant(name, email, phone, address), texts.get(i));
    }

    /** The text's length in bytes, shifted left once, its lowest bit set for UTF-16; then the bytes. */
    private static void write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean utf16 = !new String(bytes, StandardCharsets.UTF_8).equals(text);
        if (utf16) {
            bytes = new byte[text.length() * 2];
            for (int i = 0; i < text.length(); i++) {
                bytes[2 * i] = (byte) (text.charAt(i) >>> 8);
                bytes[2 * i + 1] = (byte) text.charAt(i);
            }
        }
        long header = (long) bytes.length << 1 | (utf16 ? 1 : 0);
        while (header >= 0x80) {
            out.write((int) (header & 0x7f | 0x80));
            header >>>= 7;
        }
        out.write((int) header);
        out.write(bytes, 0, bytes.length);
    }

    private static String read(byte[] bytes, int[] at) {
        long header = 0;
        int shift = 0;
        int b;
        do {
            b = bytes[at[0]++];
            header |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        int length = (int) (header >>> 1);
        String text;
        if ((header & 1) == 0) {
            text = new String(bytes, at[0], length, StandardCharsets.UTF_8);
        } else {
            char[] chars = new char[length / 2];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) ((bytes[at[0] + 2 * i] & 0xff) << 8 | bytes[at[0] + 2 * i + 1] & 0xff);
            }
            text = new String(chars);
        }
        at[0] += length;
        return text;
    }
}
