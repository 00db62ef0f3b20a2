package io.otklik.events.data;

/**
 * A lead's status as synchronised with the CRM (seed 004: New → In processing → Confirmed; then the visit's outcome:
 * Won when the client came, NoShow when they did not, Lost when the deal is off).
 */
public enum LeadStatus {
    NEW, IN_PROCESSING, CONFIRMED, LOST, WON, NO_SHOW
}
