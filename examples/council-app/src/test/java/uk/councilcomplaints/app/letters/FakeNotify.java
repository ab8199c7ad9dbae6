package uk.councilcomplaints.app.letters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A fake of GOV.UK Notify's HTTP API for the real client, on 127.0.0.1 at a random port: records every request,
 * answers {@code POST /v2/notifications/email} as Notify does (201 with the notification's id, reference,
 * content, template and uri) and {@code GET /v2/notifications?reference=...} with the emails it accepted with that
 * reference. It can be told to answer the next requests with an error, to lose the answer to the next sends (accept
 * the email, answer 500), or to hold the next send until released.
 */
final class FakeNotify implements AutoCloseable {

    /** One request as it came. */
    record Request(String method, String path, String query, String authorization, JSONObject body) {
    }

    /** An email Notify accepted. */
    record Email(String id, String templateId, String emailAddress, JSONObject personalisation, String reference,
            Instant createdAt) {
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final List<Email> emails = new ArrayList<>();
    private final Deque<Integer> failures = new ArrayDeque<>();
    private final Deque<Integer> sendFailures = new ArrayDeque<>();
    private final Map<String, Deque<Integer>> sendFailuresTo = new java.util.HashMap<>();
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();
    private int lostSends;
    private CountDownLatch holdSends;
    private CountDownLatch sendHeld;

    FakeNotify() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL for the client. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next requests, of any kind, with these statuses, one each. */
    synchronized void failNext(int... statuses) {
        for (int s : statuses) {
            failures.add(s);
        }
    }

    /** Answers the next sends with these statuses, one each, without accepting the emails. */
    synchronized void failNextSends(int... statuses) {
        for (int s : statuses) {
            sendFailures.add(s);
        }
    }

    /** Answers the next sends to {@code address} with these statuses, one each, without accepting the emails. */
    synchronized void failNextSendsTo(String address, int... statuses) {
        Deque<Integer> queue = sendFailuresTo.computeIfAbsent(address, a -> new ArrayDeque<>());
        for (int s : statuses) {
            queue.add(s);
        }
    }

    /** Accepts the next {@code n} emails but answers 500, as if the answer were lost on the way. */
    synchronized void loseNextSends(int n) {
        lostSends += n;
    }

    /** Holds every send until {@link #release()}; {@link #awaitHeldSend()} waits for the first to arrive. */
    synchronized void holdSends() {
        holdSends = new CountDownLatch(1);
        sendHeld = new CountDownLatch(1);
    }

    boolean awaitHeldSend() throws InterruptedException {
        CountDownLatch held;
        synchronized (this) {
            held = sendHeld;
        }
        return held.await(20, TimeUnit.SECONDS);
    }

    void release() {
        CountDownLatch hold;
        synchronized (this) {
            hold = holdSends;
            holdSends = null;
        }
        if (hold != null) {
            hold.countDown();
        }
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Email> emails() {
        return List.copyOf(emails);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JSONObject body = text.isBlank() ? null : new JSONObject(text);
            Request request = new Request(method, path, query, exchange.getRequestHeaders().getFirst("Authorization"),
                    body);
            boolean send = method.equals("POST") && path.equals("/v2/notifications/email");
            CountDownLatch hold;
            synchronized (this) {
                requests.add(request);
                hold = send ? holdSends : null;
                if (hold != null) {
                    sendHeld.countDown();
                }
            }
            if (hold != null) {
                try {
                    hold.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (this) {
                Integer failure = failures.poll();
                if (failure == null && send) {
                    failure = sendFailures.poll();
                }
                if (failure == null && send) {
                    Deque<Integer> to = sendFailuresTo.get(body.getString("email_address"));
                    failure = to == null ? null : to.poll();
                }
                if (failure != null) {
                    error(exchange, failure);
                    return;
                }
                if (send) {
                    Email email = accept(body);
                    if (lostSends > 0) {
                        lostSends--;
                        error(exchange, 500);
                        return;
                    }
                    answer(exchange, 201, sent(email));
                } else if (method.equals("GET") && path.equals("/v2/notifications")) {
                    String reference = parameters(query).get("reference");
                    JSONArray found = new JSONArray();
                    for (Email e : emails) {
                        if (reference == null || reference.equals(e.reference())) {
                            found.put(notification(e));
                        }
                    }
                    answer(exchange, 200, new JSONObject().put("notifications", found).put("links",
                            new JSONObject().put("current", baseUrl() + "/v2/notifications?" + query)));
                } else {
                    error(exchange, 404);
                }
            }
        }
    }

    private Email accept(JSONObject body) {
        Email email = new Email(UUID.randomUUID().toString(), body.getString("template_id"),
                body.getString("email_address"), body.optJSONObject("personalisation", new JSONObject()),
                body.isNull("reference") ? null : body.getString("reference"), Instant.now());
        emails.add(email);
        return email;
    }

    private JSONObject template(Email e) {
        return new JSONObject().put("id", e.templateId()).put("version", 1)
                .put("uri", baseUrl() + "/v2/template/" + e.templateId());
    }

    private JSONObject sent(Email e) {
        return new JSONObject().put("id", e.id()).put("reference", e.reference() == null ? JSONObject.NULL : e.reference())
                .put("content", new JSONObject().put("subject", "Your complaint").put("body", "Dear " + e.personalisation()
                        .optString("name", "resident")).put("from_email", "complaints@anyshire.gov.uk"))
                .put("uri", baseUrl() + "/v2/notifications/" + e.id())
                .put("template", template(e));
    }

    private JSONObject notification(Email e) {
        return new JSONObject().put("id", e.id()).put("reference", e.reference() == null ? JSONObject.NULL : e.reference())
                .put("email_address", e.emailAddress()).put("type", "email").put("status", "delivered")
                .put("template", template(e)).put("body", "Dear resident").put("subject", "Your complaint")
                .put("created_at", e.createdAt().toString()).put("sent_at", e.createdAt().toString())
                .put("completed_at", JSONObject.NULL).put("created_by_name", JSONObject.NULL);
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> map = new LinkedHashMap<>();
        if (query == null) {
            return map;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            map.put(name, value);
        }
        return map;
    }

    private static void error(HttpExchange exchange, int status) throws IOException {
        String error = status == 429 ? "RateLimitError" : status >= 500 ? "Exception" : "BadRequestError";
        answer(exchange, status, new JSONObject().put("status_code", status).put("errors",
                new JSONArray().put(new JSONObject().put("error", error).put("message", "fake failure " + status))));
    }

    private static void answer(HttpExchange exchange, int status, JSONObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
