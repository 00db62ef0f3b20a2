package io.otklik.ingest.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Telegram Bot API webhook of a tenant's bot. */
public class TelegramCases implements CorpusEndpoint {

    static final String PATH = "/webhooks/telegram/lyon_salon_bot";
    static final String SECRET = "tg-secret_1";

    @Override
    public String name() {
        return "telegram";
    }

    static String update(String updateId, String message) {
        return "{\"update_id\":" + updateId + ",\"message\":" + message + "}";
    }

    static String message(String fields) {
        return "{\"message_id\":1,\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"Corpus\"},\"chat\":{\"id\":42,"
                + "\"type\":\"private\"},\"date\":1739321024,\"text\":\"corpus\"" + fields + "}";
    }

    static BadCase withSecret(String name, String body, int status, String detail) {
        return BadCase.of("telegram", "POST", PATH).header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .json(body).expect(name, status, detail);
    }

    @Override
    public List<BadCase> cases() {
        List<BadCase> cases = new ArrayList<>();
        String valid = update("1", message(""));
        for (String[] s : new String[][] {{"wrong", "nope"}, {"empty", ""}, {"case changed", "TG-SECRET_1"},
                {"with a suffix", SECRET + "x"}, {"another bot's secret", "test-bot-token"},
                {"the bot token", "123456:test-bot-token"}}) {
            cases.add(BadCase.of("telegram", "POST", PATH).header("X-Telegram-Bot-Api-Secret-Token", s[1])
                    .json(valid).expect("secret token: " + s[0], 401, "X-Telegram-Bot-Api-Secret-Token"));
        }
        cases.add(BadCase.of("telegram", "POST", PATH).json(valid)
                .expect("secret token: missing", 401, "X-Telegram-Bot-Api-Secret-Token"));
        for (String bot : List.of("nobody_bot", "LYON_SALON_BOT", "lyon_salon_bot_", "ulybka-site", "%20")) {
            cases.add(BadCase.of("telegram", "POST", "/webhooks/telegram/" + bot)
                    .header("X-Telegram-Bot-Api-Secret-Token", SECRET).json(valid)
                    .expect("unknown bot '" + bot + "'", 404, "bot"));
        }
        for (String[] b : CorpusEndpoint.notJsonObjects()) {
            cases.add(withSecret("body: " + b[0], b[1], 400, null));
        }
        String[][] ids = {{"missing", null}, {"a string", "\"abc\""}, {"null", "null"}, {"true", "true"},
                {"an object", "{}"}, {"an array", "[1]"}, {"beyond long", "123456789012345678901234567890"}};
        for (String[] id : ids) {
            String body = id[1] == null ? "{\"message\":" + message("") + "}" : update(id[1], message(""));
            cases.add(withSecret("update_id " + id[0], body, 400, "update_id"));
        }
        String[][] chats = {
                {"message without chat", "{\"message_id\":1,\"date\":1739321024,\"text\":\"x\"}"},
                {"chat id a string", message(",\"chat\":{\"id\":\"forty-two\"}")},
                {"chat id null", message(",\"chat\":{\"id\":null}")},
                {"chat a string", message(",\"chat\":\"42\"")},
                {"message a string", "\"hello\""},
                {"message a number", "5"},
                {"message an array", "[]"},
        };
        for (String[] c : chats) {
            cases.add(withSecret(c[0], update("2", c[1]), 400, "chat"));
        }
        for (String[] d : new String[][] {{"date beyond the database", "99999999999999"},
                {"date far before the epoch", "-99999999999999"}, {"date a string", "\"yesterday\""}}) {
            cases.add(withSecret(d[0], update("3", message(",\"date\":" + d[1])), 400, "date"));
        }
        cases.add(BadCase.of("telegram", "POST", PATH).header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .body("application/json", CorpusEndpoint.oversized()).expect("body over 256 KiB", 413));
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            cases.add(BadCase.of("telegram", "POST", PATH).header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                    .body("application/json", f.getValue()).expect("file " + f.getKey(), 400));
        }
        byte[] latin1 = "{\"update_id\":1,\"message\":{\"text\":\"\u00ff\"}}".getBytes(StandardCharsets.ISO_8859_1);
        cases.add(BadCase.of("telegram", "POST", PATH).header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .body("application/json", latin1).expect("invalid UTF-8", 400));
        return cases;
    }
}
