-- One row per classified message (the message id is the key, so a message is classified and announced once). The
-- text is kept with what the model said: together with feedback_label it is the training set of the next model.
create table classification (
    message_id      uuid primary key,
    tenant_id       text             not null,
    conversation_id text             not null,
    channel         text             not null,
    text            text             not null,
    intent          text             not null check (intent in ('booking', 'consultation', 'price', 'complaint',
                                                                'cancel', 'reschedule', 'confirm', 'greeting', 'other')),
    confidence      double precision not null check (confidence between 0 and 1),
    urgent          boolean          not null,
    fallback        boolean          not null,
    entities        jsonb            not null,
    model           text             not null,
    classified_at   timestamptz      not null
);
create index classification_tenant_time on classification (tenant_id, classified_at);
create index classification_conversation on classification (tenant_id, conversation_id, classified_at);

-- The intent a person says a message really had. One label per message: a later correction replaces the earlier one.
create table feedback_label (
    message_id  uuid        primary key references classification (message_id),
    tenant_id   text        not null,
    intent      text        not null check (intent in ('booking', 'consultation', 'price', 'complaint', 'cancel',
                                                       'reschedule', 'confirm', 'greeting', 'other')),
    labelled_at timestamptz not null
);
create index feedback_label_tenant_time on feedback_label (tenant_id, labelled_at);
