package io.otklik.nlu.classifier;

import io.otklik.nlu.entities.Entity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a message that only gives contact details — "+7 903 444-55-66", "Мой номер 8 926 555-66-77",
 * "Алёна, 8 916 123-45-00" — typically the answer to the bot's "напишите, пожалуйста, номер телефона". The intent
 * model has no class for it and scores such a text low on every intent (a bare number looked like CONFIRM at 0.38),
 * so without this rule each of them was flagged a fallback although nothing was misunderstood. Such a message is
 * classified OTHER with confidence 1.0 and no fallback; the phone (and name) are in the entities as usual.
 *
 * <p>Contact-only means: at least one phone entity, and what is left after removing the phone and name entities is
 * punctuation, the filler words below, and at most one capitalised word (a name the name finder did not catch).
 */
final class ContactOnly {

    private static final Set<String> FILLER = Set.of("мой", "моя", "мои", "наш", "номер", "номера", "телефон",
            "телефона", "тел", "моб", "мобильный", "сотовый", "контакт", "контакты", "контактный", "для", "связи",
            "вот", "это", "меня", "зовут", "имя", "пожалуйста", "спасибо", "и", "да", "ок", "+");

    private ContactOnly() {
    }

    static boolean test(String text, List<Entity> entities) {
        if (text == null || entities.stream().noneMatch(e -> Entity.PHONE.equals(e.type()))) {
            return false;
        }
        StringBuilder rest = new StringBuilder(text);
        for (Entity e : entities) {
            if ((Entity.PHONE.equals(e.type()) || Entity.NAME.equals(e.type())) && e.start() >= 0
                    && e.end() <= rest.length() && e.start() < e.end()) {
                for (int i = e.start(); i < e.end(); i++) {
                    rest.setCharAt(i, ' ');
                }
            }
        }
        int capitalised = 0;
        for (String word : rest.toString().split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.chars().anyMatch(Character::isDigit)) {
                return false;
            }
            if (FILLER.contains(word.toLowerCase(Locale.ROOT).replace('ё', 'е'))) {
                continue;
            }
            if (Character.isUpperCase(word.charAt(0)) && ++capitalised == 1) {
                continue;
            }
            return false;
        }
        return true;
    }
}
