// One schema for both backends, with portable column types (UTC times as `Timestamp`).

diesel::table! {
    events (id) {
        id -> BigInt,
        slug -> Text,
        title -> Text,
        description -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        timezone -> Text,
        venue -> Text,
        meeting_url -> Nullable<Text>,
        in_person_capacity -> Integer,
        virtual_capacity -> Nullable<Integer>,
        phase -> Text,
        offer_window_hours -> Integer,
        invitation_window_days -> Integer,
        auto_confirm -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        virtual_phase -> Nullable<Text>,
        reminder_hours_before -> Text,
        series -> Nullable<Text>,
        code -> Nullable<Text>,
        speakers -> Text,
        recording_url -> Nullable<Text>,
        reconfirm_days_before -> Nullable<Integer>,
        reconfirm_window_hours -> Nullable<Integer>,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    registrations (id) {
        id -> BigInt,
        event_id -> BigInt,
        email -> Text,
        name -> Text,
        affiliation -> Nullable<Text>,
        preference -> Text,
        status -> Text,
        mode -> Nullable<Text>,
        hold_until -> Nullable<Timestamp>,
        priority -> Integer,
        line_since -> Nullable<Timestamp>,
        wait_for -> Nullable<Text>,
        wait_offered_until -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        checked_in_at -> Nullable<Timestamp>,
        reconfirm_by -> Nullable<Timestamp>,
        language -> Text,
    }
}

diesel::table! {
    personal_tokens (id) {
        id -> BigInt,
        registration_id -> BigInt,
        secret_hash -> Nullable<Text>,
        token_hash -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        name -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        role -> Text,
    }
}

diesel::table! {
    audit_entries (id) {
        id -> BigInt,
        event_id -> BigInt,
        registration_id -> Nullable<BigInt>,
        at -> Timestamp,
        actor -> Text,
        from_status -> Nullable<Text>,
        to_status -> Nullable<Text>,
        note -> Text,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        event_id -> Nullable<BigInt>,
        registration_id -> Nullable<BigInt>,
        kind -> Text,
        recipient -> Text,
        subject -> Text,
        body_text -> Nullable<Text>,
        body_html -> Nullable<Text>,
        calendar -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        details -> Nullable<Text>,
        link -> Nullable<Text>,
        send_id -> Nullable<BigInt>,
        language -> Text,
    }
}

diesel::table! {
    sends (id) {
        id -> BigInt,
        event_id -> Nullable<BigInt>,
        kind -> Text,
        actor -> Text,
        emails -> Integer,
        created_at -> Timestamp,
    }
}

diesel::joinable!(registrations -> events (event_id));
diesel::joinable!(personal_tokens -> registrations (registration_id));
diesel::joinable!(sends -> events (event_id));
diesel::table! {
    reminders (registration_id, kind, due_at) {
        registration_id -> BigInt,
        kind -> Text,
        due_at -> Timestamp,
        event_id -> BigInt,
        sent_at -> Timestamp,
    }
}

diesel::joinable!(reminders -> registrations (registration_id));

diesel::allow_tables_to_appear_in_same_query!(
    events,
    reminders,
    registrations,
    personal_tokens,
    api_tokens,
    audit_entries,
    outbox,
    sends,
);

diesel::table! {
    organizers (id) {
        id -> BigInt,
        email -> Text,
        password_hash -> Nullable<Text>,
        sessions_valid_after -> Timestamp,
        created_at -> Timestamp,
        role -> Text,
    }
}

diesel::table! {
    organizer_links (token_hash) {
        token_hash -> Text,
        organizer_id -> BigInt,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    secrets (name) {
        name -> Text,
        value -> Text,
    }
}

diesel::table! {
    calendar_feeds (id) {
        id -> BigInt,
        organizer_id -> BigInt,
        token_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(organizer_links -> organizers (organizer_id));
diesel::joinable!(calendar_feeds -> organizers (organizer_id));
diesel::allow_tables_to_appear_in_same_query!(organizers, organizer_links, secrets, calendar_feeds);

diesel::table! {
    newsletter_subscribers (id) {
        id -> BigInt,
        email -> Text,
        confirmed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        unsubscribed_at -> Nullable<Timestamp>,
        language -> Text,
    }
}

diesel::table! {
    newsletter_issues (id) {
        id -> BigInt,
        subject -> Text,
        body -> Text,
        test_to -> Nullable<Text>,
        send_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    newsletter_tokens (token_hash) {
        token_hash -> Text,
        subscriber_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::joinable!(newsletter_tokens -> newsletter_subscribers (subscriber_id));
diesel::allow_tables_to_appear_in_same_query!(newsletter_subscribers, newsletter_tokens);
diesel::joinable!(newsletter_issues -> sends (send_id));
diesel::allow_tables_to_appear_in_same_query!(newsletter_issues, sends);

diesel::table! {
    site_identity (id) {
        id -> BigInt,
        name -> Text,
        controller -> Text,
        contact -> Text,
        processors -> Text,
        footer -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    programme_parts (event_id, position) {
        event_id -> BigInt,
        position -> Integer,
        title -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        streamed -> Bool,
        description -> Text,
    }
}

diesel::table! {
    questions (event_id, position) {
        event_id -> BigInt,
        position -> Integer,
        question_key -> Text,
        label -> Text,
        kind -> Text,
        options -> Text,
        required -> Bool,
        summarize -> Bool,
    }
}

diesel::table! {
    answers (registration_id, question_key, value) {
        registration_id -> BigInt,
        question_key -> Text,
        value -> Text,
    }
}

diesel::joinable!(programme_parts -> events (event_id));
diesel::joinable!(questions -> events (event_id));
diesel::joinable!(answers -> registrations (registration_id));
diesel::allow_tables_to_appear_in_same_query!(programme_parts, questions, answers);
diesel::allow_tables_to_appear_in_same_query!(answers, registrations);

diesel::table! {
    series (slug) {
        slug -> Text,
        title -> Text,
        description -> Text,
    }
}

diesel::table! {
    team_changes (id) {
        id -> BigInt,
        at -> Timestamp,
        actor -> Text,
        member -> Text,
        note -> Text,
    }
}
