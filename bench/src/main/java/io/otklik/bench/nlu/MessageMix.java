package io.otklik.bench.nlu;

import io.otklik.nlu.model.LabelledData;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages the NLU benchmark classifies: every text of nlu-service's held-out split (realistic client messages
 * of the four segments, typos, emoji and phone numbers included), each for a demo tenant and at a fixed moment in
 * that tenant's time zone, so every run does exactly the same work.
 */
public record MessageMix(List<Message> messages) {

    /** The held-out split, relative to the repository root. */
    public static final String MESSAGES = "nlu-service/data/heldout.tsv";
    /** A Thursday morning: "завтра", "в субботу" and "через час" all resolve to something. */
    static final LocalDateTime RECEIVED_AT = LocalDateTime.of(2026, 11, 26, 10, 15);

    /** One message as classify receives it. */
    public record Message(String text, Tenant tenant, ZonedDateTime now) {
    }

    public MessageMix {
        messages = List.copyOf(messages);
    }

    /**
     * Reads the held-out split and the repository's tenants.yaml. A message goes to the tenant of its segment
     * (salon → demo-salon, clinic → demo-clinic, fitness → demo-fitness); a segment without a demo tenant (services)
     * goes round the tenants.
     */
    public static MessageMix load(Path root) {
        List<Tenant> tenants = new TenantRegistry(root.resolve("tenants.yaml").toString(), null).all();
        if (tenants.isEmpty()) {
            throw new IllegalStateException("no tenants in " + root.resolve("tenants.yaml"));
        }
        List<Message> out = new ArrayList<>();
        int other = 0;
        for (LabelledData.Example e : LabelledData.read(root.resolve(MESSAGES))) {
            Tenant tenant = tenants.stream().filter(t -> t.segment().equals(e.segment())).findFirst()
                    .orElse(tenants.get(other++ % tenants.size()));
            out.add(new Message(e.text(), tenant, RECEIVED_AT.atZone(tenant.zone())));
        }
        return new MessageMix(out);
    }

    public int size() {
        return messages.size();
    }
}
