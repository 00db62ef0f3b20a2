package io.otklik.nlu.classifier;

import java.util.List;

/**
 * A hand-labelled set of client messages as salons and clinics receive them. Each label says what a person reading
 * the message would assign; labels are never changed to make the classifier look better. The first batch was written
 * before the classifier existed, the later ones as held-out checks (see their comments).
 */
final class LabelledPhrases {

    /** One message, the tenant it was written to, and the intent a person reading it would assign. */
    record Labelled(String tenant, String text, String intent) {

        @Override
        public String toString() {
            return intent + " <- " + text;
        }
    }

    static final String SALON = "demo-salon";
    static final String CLINIC = "demo-clinic";

    static final List<Labelled> ALL = List.of(
            // booking
            new Labelled(SALON, "Здравствуйте! Хочу записаться на стрижку завтра в 15:00", "booking"),
            new Labelled(SALON, "Можно записаться на маникюр в субботу?", "booking"),
            new Labelled(SALON, "Запишите меня, пожалуйста, на окрашивание на пятницу", "booking"),
            new Labelled(SALON, "Есть свободное время на педикюр сегодня вечером?", "booking"),
            new Labelled(CLINIC, "Хочу на чистку зубов, когда есть окна?", "booking"),
            new Labelled(CLINIC, "Добрый день, нужна запись к стоматологу на следующей неделе", "booking"),
            new Labelled(SALON, "можно на завтра к 10 на стрижку?", "booking"),
            new Labelled(CLINIC, "Подскажите, можно записаться на отбеливание в понедельник?", "booking"),
            new Labelled(SALON, "Хочу записать дочку на стрижку", "booking"),
            new Labelled(SALON, "Запись на маникюр на 25.11 в 12:00 возможна?", "booking"),
            new Labelled(SALON, "Когда ближайшее свободное окно к Анне?", "booking"),
            new Labelled(CLINIC, "Болит зуб, можно сегодня попасть к врачу?", "booking"),
            new Labelled(SALON, "Хочу к вам на маникюр", "booking"),
            new Labelled(CLINIC, "Срочно нужен стоматолог, острая боль", "booking"),
            new Labelled(CLINIC, "Сломался зуб, когда можете принять?", "booking"),
            new Labelled(CLINIC, "Хочу к доктору Петрову на осмотр в четверг", "booking"),
            new Labelled(SALON, "Здравствуйте, сколько стоит маникюр и есть ли время на завтра?", "booking"),
            new Labelled(SALON, "Меня зовут Анна, хочу записаться на педикюр", "booking"),
            new Labelled(SALON, "Запишусь к Екатерине на стрижку, в 7 вечера удобно", "booking"),
            // consultation
            new Labelled(SALON, "Подскажите, а наращивание ресниц вы делаете?", "consultation"),
            new Labelled(CLINIC, "Можно ли делать отбеливание при брекетах?", "consultation"),
            new Labelled(SALON, "Посоветуйте, какое окрашивание лучше для тонких волос", "consultation"),
            new Labelled(CLINIC, "У меня вопрос по лечению кариеса", "consultation"),
            new Labelled(CLINIC, "Нужна консультация: после удаления зуба десна опухла, это нормально?", "consultation"),
            new Labelled(SALON, "Какой мастер лучше стрижёт короткие волосы?", "consultation"),
            new Labelled(SALON, "А вы работаете в воскресенье?", "consultation"),
            new Labelled(CLINIC, "Вы принимаете оплату картой?", "consultation"),
            new Labelled(SALON, "Сколько по времени занимает окрашивание?", "consultation"),
            // price
            new Labelled(SALON, "Сколько стоит стрижка?", "price"),
            new Labelled(SALON, "Какая цена на маникюр с покрытием?", "price"),
            new Labelled(SALON, "Пришлите прайс, пожалуйста", "price"),
            new Labelled(SALON, "Почём педикюр?", "price"),
            new Labelled(CLINIC, "Сколько стоит отбеливание зубов у вас?", "price"),
            new Labelled(CLINIC, "Какая стоимость консультации ортодонта?", "price"),
            new Labelled(SALON, "Сколько будет стоить покрасить корни?", "price"),
            new Labelled(SALON, "Добрый вечер! Подскажите, пожалуйста, цену на покраску волос", "price"),
            // complaint
            new Labelled(SALON, "Мне испортили волосы, я очень недовольна", "complaint"),
            new Labelled(SALON, "Ужасное обслуживание, администратор нахамила", "complaint"),
            new Labelled(CLINIC, "Хочу оставить жалобу на врача", "complaint"),
            new Labelled(SALON, "Верните деньги за окрашивание, цвет получился совсем не тот", "complaint"),
            new Labelled(CLINIC, "После вашей чистки кровоточат дёсны, очень плохо сделали", "complaint"),
            new Labelled(SALON, "Маникюр слез через два дня, мне совсем не понравилось", "complaint"),
            // cancel
            new Labelled(SALON, "Отмените, пожалуйста, мою запись на завтра", "cancel"),
            new Labelled(SALON, "Я не смогу прийти в субботу", "cancel"),
            new Labelled(SALON, "Не приду сегодня, заболела", "cancel"),
            new Labelled(CLINIC, "Хочу отменить приём у стоматолога", "cancel"),
            new Labelled(SALON, "Я передумала, запись больше не нужна", "cancel"),
            // reschedule
            new Labelled(SALON, "Можно перенести запись на другой день?", "reschedule"),
            new Labelled(SALON, "Давайте перенесём маникюр на пятницу", "reschedule"),
            new Labelled(SALON, "Можно на другое время? В 15:00 не успеваю", "reschedule"),
            new Labelled(CLINIC, "Не успеваю к 10, можно сдвинуть на час позже?", "reschedule"),
            new Labelled(CLINIC, "Не смогу в четверг, давайте перенесём на субботу", "reschedule"),
            // confirm
            new Labelled(SALON, "Да", "confirm"),
            new Labelled(SALON, "Да, приду", "confirm"),
            new Labelled(CLINIC, "Подтверждаю", "confirm"),
            new Labelled(SALON, "ок", "confirm"),
            new Labelled(SALON, "Хорошо, буду!", "confirm"),
            new Labelled(CLINIC, "Конечно, подтверждаю.", "confirm"),
            new Labelled(SALON, "Да, всё в силе", "confirm"),
            // greeting
            new Labelled(SALON, "Здравствуйте", "greeting"),
            new Labelled(SALON, "Привет!", "greeting"),
            new Labelled(CLINIC, "Добрый день", "greeting"),
            new Labelled(SALON, "Доброе утро!", "greeting"),
            // other
            new Labelled(SALON, "Спасибо за информацию", "other"),
            new Labelled(SALON, "ывапролд", "other"),
            new Labelled(SALON, "Отправила вам фото", "other"),
            new Labelled(CLINIC, "Кто-нибудь тут есть?", "other"),
            new Labelled(SALON, "Нет", "other"),
            // A second batch, written as a held-out check once the rules existed: 25 of these 35 were right before
            // the rules were generalised (the misses all fell back to "other"); kept here with their labels as written.
            new Labelled(SALON, "Добрый день, а на завтра к Ольге можно?", "booking"),
            new Labelled(SALON, "Девушки, есть местечко на маникюр в четверг?", "booking"),
            new Labelled(SALON, "хочу сделать педикюр в эти выходные", "booking"),
            new Labelled(SALON, "Нужно подстричь сына, когда можно прийти?", "booking"),
            new Labelled(CLINIC, "Запишите к гигиенисту на ближайшее время", "booking"),
            new Labelled(CLINIC, "Могу подойти завтра после работы на осмотр?", "booking"),
            new Labelled(SALON, "Окрашивание в пятницу в 18:00 свободно?", "booking"),
            new Labelled(CLINIC, "Хотела бы попасть на чистку на этой неделе", "booking"),
            new Labelled(SALON, "Какие есть окошки на субботу?", "booking"),
            new Labelled(SALON, "А сколько у вас стоит мужская стрижка?", "price"),
            new Labelled(SALON, "Цены на наращивание ногтей скиньте", "price"),
            new Labelled(CLINIC, "Отбеливание почём сейчас?", "price"),
            new Labelled(CLINIC, "Во сколько обойдётся лечение кариеса?", "price"),
            new Labelled(SALON, "Окрашивание длинных волос какая стоимость?", "price"),
            new Labelled(CLINIC, "Удаление зуба мудрости больно?", "consultation"),
            new Labelled(SALON, "Вы делаете кератиновое выпрямление?", "consultation"),
            new Labelled(CLINIC, "Можно ли чистить зубы после отбеливания?", "consultation"),
            new Labelled(SALON, "Где вы находитесь? Есть парковка?", "consultation"),
            new Labelled(CLINIC, "Подскажите, какую щётку лучше выбрать", "consultation"),
            new Labelled(SALON, "Очень плохой маникюр, всё облезло на следующий день", "complaint"),
            new Labelled(CLINIC, "Пломба выпала через неделю, это безобразие", "complaint"),
            new Labelled(SALON, "Мастер опоздала на 40 минут, я в шоке", "complaint"),
            new Labelled(SALON, "К сожалению, завтра не получится прийти", "cancel"),
            new Labelled(CLINIC, "Отменяю визит на пятницу", "cancel"),
            new Labelled(SALON, "Заболела, не приду на маникюр", "cancel"),
            new Labelled(SALON, "Можно перенести мою стрижку на следующую неделю?", "reschedule"),
            new Labelled(CLINIC, "Давайте передвинем приём на вечер", "reschedule"),
            new Labelled(SALON, "Мне бы поменять время записи на более позднее", "reschedule"),
            new Labelled(SALON, "Да, буду вовремя", "confirm"),
            new Labelled(CLINIC, "Подтверждаю, спасибо!", "confirm"),
            new Labelled(SALON, "Ок, договорились", "confirm"),
            new Labelled(SALON, "Здрасьте", "greeting"),
            new Labelled(CLINIC, "Добрый вечер!", "greeting"),
            new Labelled(SALON, "Вы мне звонили?", "other"),
            new Labelled(SALON, "Скиньте номер карты для перевода", "other"),
            // A third batch, written after that and not used to change the rules: 21 of these 25 were right when
            // written (the misses fell back to "other"); only the stem "жалоб" was widened afterwards, since it
            // missed "жаловаться". The remaining misses stay in the set: they are the baseline's real limits.
            new Labelled(SALON, "Здравствуйте, хотела бы записаться на окрашивание и стрижку", "booking"),
            new Labelled(SALON, "а можно к Анне на понедельник?", "booking"),
            new Labelled(CLINIC, "Мне нужно удалить зуб, когда есть приём?", "booking"),
            new Labelled(SALON, "На сегодня вечером ничего не осталось?", "booking"),
            new Labelled(SALON, "Сделаете маникюр завтра утром?", "booking"),
            new Labelled(CLINIC, "Хочу записать ребёнка к стоматологу", "booking"),
            new Labelled(SALON, "Стрижка сколько по цене?", "price"),
            new Labelled(CLINIC, "Сколько стоит поставить пломбу?", "price"),
            new Labelled(SALON, "Прайс на педикюр можно?", "price"),
            new Labelled(CLINIC, "У вас есть детский врач?", "consultation"),
            new Labelled(SALON, "Какими красками работаете?", "consultation"),
            new Labelled(CLINIC, "Нужно ли что-то брать с собой на первый приём?", "consultation"),
            new Labelled(SALON, "Волосы после вашего окрашивания как солома, это ужас", "complaint"),
            new Labelled(CLINIC, "Врач был груб со мной, буду жаловаться", "complaint"),
            new Labelled(SALON, "Простите, сегодня не успеваю, отмените", "cancel"),
            new Labelled(CLINIC, "Я не приду на приём в среду", "cancel"),
            new Labelled(SALON, "Можно меня на час позже?", "reschedule"),
            new Labelled(CLINIC, "Перенесите, пожалуйста, визит на 3 декабря", "reschedule"),
            new Labelled(SALON, "Угу, приду", "confirm"),
            new Labelled(CLINIC, "да, всё верно", "confirm"),
            new Labelled(SALON, "Приветствую", "greeting"),
            new Labelled(SALON, "Добрый день!!", "greeting"),
            new Labelled(CLINIC, "Это клиника на Ленина?", "other"),
            new Labelled(SALON, ")))", "other"),
            new Labelled(SALON, "Хорошего дня вам", "other"));

    private LabelledPhrases() {
    }
}
