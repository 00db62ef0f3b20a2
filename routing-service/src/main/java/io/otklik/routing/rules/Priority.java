package io.otklik.routing.rules;

/** How soon a person should look at a lead: P1 now, P2 soon, P3 when convenient. */
public enum Priority {
    P1, P2, P3
}
