package io.otklik.e2e.demo;

import java.util.List;
import java.util.Map;

/**
 * The demo's conversations: Russian clients of a beauty salon and a dental clinic on WhatsApp, Telegram, Instagram and
 * web forms — bookings, price questions, a complaint, an urgent case, confirmations, a slot conflict, a move, a
 * cancellation, gibberish and a duplicated webhook. Telegram and Instagram do not give the client's phone: those
 * clients write it when the bot asks before booking.
 */
public final class Conversations {

    static final String SALON = "demo-salon";
    static final String CLINIC = "demo-clinic";

    private Conversations() {
    }

    public static List<Script> all() {
        return List.of(
                Script.whatsApp(SALON, "Иван", "+79161234567",
                        "Здравствуйте! Хочу записаться на стрижку завтра в 15:00, мой номер +7 916 123-45-67", "Да"),
                Script.whatsApp(SALON, "Мария", "+79031112233",
                        "Добрый день! Сколько стоит окрашивание?",
                        "Тогда запишите меня на окрашивание послезавтра в 12:00", "Да, подтверждаю"),
                Script.whatsApp(SALON, "Ольга", "+79054445566", "Хочу на маникюр", "в субботу в 11:00"),
                Script.whatsApp(SALON, "Пётр", "+79267778899", "Привет", "Хочу подстричься завтра в 15:00"),
                Script.whatsApp(SALON, "Светлана", "+79152223344",
                        "Вчера мне испортили стрижку, я очень недовольна!"),
                Script.whatsApp(SALON, "Дмитрий", "+79165556677", "Хочу записаться на стрижку завтра в 15:00",
                        "Давайте в 16:00"),
                Script.whatsApp(SALON, "Алина", "+79998887766", "ывапролд", "Хочу на педикюр в пятницу в 14:00"),
                Script.whatsApp(SALON, "Ксения", "+79037654321", "Можно отменить запись?"),
                Script.whatsApp(SALON, "Роман", "+79163334455", "Запишите меня на стрижку послезавтра в 11:00",
                        "Перенесите, пожалуйста, на 17:00", "Да"),
                Script.whatsApp(SALON, "Юлия", "+79035556677", "Хочу записаться на педикюр завтра в 12:00",
                        "Планы поменялись, отмените, пожалуйста, запись"),
                Script.whatsApp(SALON, "Тимур", "+79167778899", "Хочу к Анне на стрижку послезавтра вечером",
                        "второй"),
                Script.telegram(SALON, "Анна", 310_000_001L, "Здравствуйте, сколько стоит маникюр?",
                        "Запишите на маникюр завтра в 18:00", "+7 916 201-30-40", "да"),
                Script.telegram(SALON, "Олег", 310_000_002L, "Можно записаться на стрижку в пятницу в 10 утра?",
                        "Мой номер 8 926 555-66-77"),
                Script.telegram(SALON, "Вера", 310_000_003L, "Подскажите, пожалуйста, до скольки вы работаете?"),
                Script.telegram(SALON, "Игорь", 310_000_004L, "Хочу записаться на окрашивание завтра в 20:00",
                        "Тогда в 17:00", "+7 903 444-55-66"),
                Script.instagram(SALON, "Алёна", "1234567890123456", "https://www.instagram.com/stories/lyon_salon/1",
                        "Хочу такой же маникюр! Можно в пятницу в 14:00?", "Давайте в 16:00",
                        "Алёна, 8 916 123-45-00"),
                Script.instagram(SALON, "Полина", "1234567890123457", null,
                        "Здравствуйте, сколько стоит педикюр?"),
                Script.webForm(SALON, "Наталья", "8 (916) 700-10-20",
                        Map.of("source", "yandex", "medium", "cpc", "campaign", "nails_autumn"),
                        "Хочу записаться на маникюр в субботу в 15:00"),
                Script.webForm(SALON, "Евгений", "+7 925 300-40-50",
                        Map.of("source", "instagram", "medium", "social"), "Перезвоните мне, пожалуйста"),
                Script.webForm(SALON, "Лариса", "+7 903 111-22-33", Map.of("source", "vk", "medium", "social"),
                        "Сколько стоит педикюр?"),
                Script.whatsApp(CLINIC, "Сергей", "+79122223344", "Здравствуйте, очень болит зуб, можно срочно?"),
                Script.whatsApp(CLINIC, "Елена", "+79124445566", "Хочу записаться на чистку зубов в субботу в 10:00",
                        "Да"),
                Script.whatsApp(CLINIC, "Андрей", "+79126667788", "Сколько стоит отбеливание?",
                        "Запишите на отбеливание послезавтра в 9:00"),
                Script.webForm(CLINIC, "Татьяна", "+7 912 800-90-10",
                        Map.of("source", "google", "medium", "cpc", "campaign", "consult"),
                        "Нужна консультация стоматолога, можно завтра в 12:30?"),
                Script.webForm(CLINIC, "Михаил", "+7 912 555-00-11", Map.of("source", "2gis"),
                        "Хочу записаться на осмотр в понедельник в 11:00"),
                Script.whatsApp(SALON, "Ирина", "+79161110022", "Хочу записаться на маникюр завтра в 10:00")
                        .redelivered(),
                Script.whatsApp(CLINIC, "Павел", "+79129990011", "Спасибо, всё понятно"));
    }
}
