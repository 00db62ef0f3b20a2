package io.otklik.nlu.entities;

import java.time.LocalTime;

/**
 * The parts of the day a client names without a clock time, and the interval each one means. This is the one table
 * of these conventions; nlu-service/README.md ("Entities") repeats it. Ends are exclusive.
 */
enum DayPeriod {
    /** «утром», «с утра», «утречком», «на утро». */
    MORNING(8, 12),
    /** «до обеда», «в первой половине дня». */
    BEFORE_LUNCH(8, 13),
    /** «в обед», «в обеденное время». */
    LUNCH(12, 14),
    /** «днём», «в дневное время». */
    DAYTIME(12, 17),
    /** «после обеда», «во второй половине дня». */
    AFTER_LUNCH(13, 18),
    /** «вечером», «вечерком», «под вечер», «ближе к вечеру». */
    EVENING(17, 21),
    /** «после работы». */
    AFTER_WORK(18, 21);

    final LocalTime from;
    final LocalTime to;

    DayPeriod(int fromHour, int toHour) {
        this.from = LocalTime.of(fromHour, 0);
        this.to = LocalTime.of(toHour, 0);
    }

    /** Whether an hour lies in the period, its end included ("вечером в 9" is 21:00). */
    boolean holds(int hour) {
        return hour >= from.getHour() && hour <= to.getHour();
    }
}
