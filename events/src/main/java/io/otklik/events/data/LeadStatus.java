package io.otklik.events.data;

/** A lead's status as synchronised with the CRM (seed 004: New → In processing → Confirmed). */
public enum LeadStatus {
    NEW, IN_PROCESSING, CONFIRMED, LOST
}
