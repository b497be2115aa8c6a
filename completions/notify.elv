
use builtin;
use str;

set edit:completion:arg-completer[notify] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'notify'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'notify'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand channel 'Configure, verify, enable and test your own channels'
            cand user 'Manage users and their channels as an administrator'
            cand notice 'Notice Management: which channel kinds users may use at all'
            cand provider 'Credentials of the apps and servers that deliver messages'
            cand rule 'Notification rules: which events notify whom, through which channel kinds'
            cand send 'Send a notification through every enabled channel of the recipients (and ad-hoc destinations)'
            cand emit 'Notify whoever an event''s rule names, through their channels'
            cand template 'Message templates: see what each channel would get'
            cand listen 'Receive custom-webhook deliveries on loopback and check their signatures'
            cand serve 'The relay: take events over HTTP, queue them durably, deliver them through the rules'
            cand queue 'List the events that wait in the relay''s queue'
            cand cancel 'Withdraw a waiting event from the relay''s queue'
            cand ack 'Acknowledge an event: the escalation steps that have not fired yet are stopped'
            cand mute 'Mute windows: times of day when rules and users'' quiet hours hold deliveries'
            cand silence 'Silences: hush matching deliveries for a while'
            cand log 'Show the delivery log: each destination''s outcome of every send, newest first'
            cand retry 'Send again every logged delivery whose latest outcome is failed'
            cand secret 'Secrets kept outside the store: move them to the OS keyring or to files'
            cand completions 'Print a completion script for a shell'
            cand doctor 'Check the store, providers, channels and the delivery log; send nothing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;channel'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List every channel kind for the user: configured, verified, enabled, available (Notice Management)'
            cand show 'Show one channel of the user; secrets and tokens in webhook URLs are masked unless --reveal'
            cand set 'Configure one of your channels (only the fields given change; the rest keep their values)'
            cand remove 'Remove a channel from the user''s profile (its fields, state and any pending code)'
            cand enable 'Select channels for delivery'
            cand disable 'Stop delivering through channels (their configuration is kept)'
            cand verify 'Prove a channel''s destination so that it can be enabled'
            cand test 'Send a test message through one of your channels now (enabled or not)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;channel;list'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;channel;show'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --reveal 'Print secrets and webhook tokens in full'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;channel;set'= {
            cand --mobile 'Mobile number (dingtalk, feishu, lark, lark-mobile, sms)'
            cand --employee-id 'Employee ID (dingtalk-exclusive)'
            cand --email 'Email address (lark)'
            cand --address 'Email address (email)'
            cand --webhook 'Robot webhook URL (dingtalk-bot, wecom-bot)'
            cand --keyword 'Keyword the DingTalk robot checks; every message will contain it (dingtalk-bot)'
            cand --secret 'Robot signing secret, SEC... (dingtalk-bot)'
            cand --secret-env 'Store a reference to an environment variable holding the robot signing secret'
            cand --secret-file 'Read the robot signing secret from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path'
            cand --url 'Endpoint URL (webhook)'
            cand --signature-method 'NONE, HMAC_SHA1, HMAC_SHA256 or STANDARD (Standard Webhooks: a whsec_ or raw key) (webhook)'
            cand --signature-key 'Signing key (webhook; required unless the method is NONE)'
            cand --signature-key-env 'Store a reference to an environment variable holding the signing key'
            cand --signature-key-file 'Read the signing key from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path'
            cand --ca-file 'PEM file of CA certificates trusted for this endpoint, in addition to the system''s (dingtalk-bot, wecom-bot, webhook)'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --secret-stdin 'Read the robot signing secret from one line of stdin'
            cand --secret-keyring 'Keep the robot signing secret in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --secret or --secret-stdin or asked for; the store keeps only the entry''s name, `notify/users.<user>.channels.dingtalk-bot.secret@<store path>`'
            cand --signature-key-stdin 'Read the signing key from one line of stdin'
            cand --signature-key-keyring 'Keep the signing key in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --signature-key or --signature-key-stdin or asked for; the store keeps only the entry''s name, `notify/users.<user>.channels.webhook.signature_key@<store path>`'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;channel;remove'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;channel;enable'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;channel;disable'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;channel;verify'= {
            cand --code 'The code you received'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;channel;test'= {
            cand -m 'The text to send'
            cand --message 'The text to send'
            cand --timeout 'How long one attempt may take: 30s, 2m, ... (a bare number is seconds; at most a day)'
            cand --deadline 'How long the whole send may take, retries and robot pacing included: 30s, 5m, ... (a bare number is seconds; at most a day)'
            cand --retries 'Retries after a retryable failure (rate limit, 5xx, dropped connection)'
            cand --concurrency 'Deliveries in flight at once: a destination, or a vendor batch of many recipients, is one (connections to each host are reused)'
            cand --retry-base-ms 'First retry delay in milliseconds (doubles each retry, with jitter)'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --dry-run 'Print the request instead of sending it'
            cand --no-log 'Do not record this run in the delivery log (then --id cannot skip anything)'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;channel;help'= {
            cand list 'List every channel kind for the user: configured, verified, enabled, available (Notice Management)'
            cand show 'Show one channel of the user; secrets and tokens in webhook URLs are masked unless --reveal'
            cand set 'Configure one of your channels (only the fields given change; the rest keep their values)'
            cand remove 'Remove a channel from the user''s profile (its fields, state and any pending code)'
            cand enable 'Select channels for delivery'
            cand disable 'Stop delivering through channels (their configuration is kept)'
            cand verify 'Prove a channel''s destination so that it can be enabled'
            cand test 'Send a test message through one of your channels now (enabled or not)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;channel;help;list'= {
        }
        &'notify;channel;help;show'= {
        }
        &'notify;channel;help;set'= {
        }
        &'notify;channel;help;remove'= {
        }
        &'notify;channel;help;enable'= {
        }
        &'notify;channel;help;disable'= {
        }
        &'notify;channel;help;verify'= {
        }
        &'notify;channel;help;test'= {
        }
        &'notify;channel;help;help'= {
        }
        &'notify;user'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List users with their roles and enabled channels (--json: every channel with its fields, secrets masked)'
            cand show 'Show one user and every channel they have configured'
            cand add 'Add a user'
            cand modify 'Change a user''s details and channels as an administrator, all together or not at all'
            cand remove 'Remove a user and all their channels'
            cand import 'Create or update many users from CSV or TOML, all or nothing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;user;list'= {
            cand --role 'Only users holding this store role (e.g. dba)'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --reveal 'Print secrets and webhook tokens in full (with --json)'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;user;show'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --reveal 'Print secrets and webhook tokens in full'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;user;add'= {
            cand --display-name 'The name shown to people'
            cand --role 'A role (repeatable)'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;user;modify'= {
            cand --display-name 'The name shown to people'
            cand --role 'Replace the user''s roles (repeatable)'
            cand --set 'Set a channel field: KIND.FIELD=VALUE (a secret as KIND.FIELD_env=VAR keeps only a reference)'
            cand --enable 'Mark a channel verified and enable it (repeatable)'
            cand --disable 'Disable a channel (repeatable)'
            cand --quiet-hours 'A mute window (`notify mute set`) every delivery to this user waits out (always deferred)'
            cand --fallback 'Channel kinds to try in this order, the first that delivers (comma-separated)'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --create 'Create the user when it does not exist'
            cand --no-quiet-hours 'Remove the user''s quiet hours'
            cand --no-fallback 'Deliver through every enabled channel again'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;user;remove'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;user;import'= {
            cand --format 'The format, when the file name does not tell'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;user;help'= {
            cand list 'List users with their roles and enabled channels (--json: every channel with its fields, secrets masked)'
            cand show 'Show one user and every channel they have configured'
            cand add 'Add a user'
            cand modify 'Change a user''s details and channels as an administrator, all together or not at all'
            cand remove 'Remove a user and all their channels'
            cand import 'Create or update many users from CSV or TOML, all or nothing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;user;help;list'= {
        }
        &'notify;user;help;show'= {
        }
        &'notify;user;help;add'= {
        }
        &'notify;user;help;modify'= {
        }
        &'notify;user;help;remove'= {
        }
        &'notify;user;help;import'= {
        }
        &'notify;user;help;help'= {
        }
        &'notify;notice'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Show which channel kinds are switched on for everyone'
            cand enable 'Switch channel kinds on: users may configure and enable them'
            cand disable 'Switch channel kinds off: `channel set` and `channel enable` refuse them and sends skip them'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;notice;list'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;notice;enable'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;notice;disable'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;notice;help'= {
            cand list 'Show which channel kinds are switched on for everyone'
            cand enable 'Switch channel kinds on: users may configure and enable them'
            cand disable 'Switch channel kinds off: `channel set` and `channel enable` refuse them and sends skip them'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;notice;help;list'= {
        }
        &'notify;notice;help;enable'= {
        }
        &'notify;notice;help;disable'= {
        }
        &'notify;notice;help;help'= {
        }
        &'notify;provider'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the providers and whether each is configured'
            cand show 'Show a provider''s settings (secrets masked unless --reveal; defaults marked)'
            cand set 'Configure a provider''s credentials (only the fields given change)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;provider;list'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;provider;show'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --reveal 'Print secrets in full'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;provider;set'= {
            cand --app-key 'DingTalk app key'
            cand --app-id 'Feishu/Lark app id'
            cand --app-secret 'App secret (dingtalk, feishu, lark)'
            cand --app-secret-env 'Store a reference to an environment variable holding the app secret'
            cand --app-secret-file 'Read the app secret from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path'
            cand --agent-id 'DingTalk agent id (a number)'
            cand --api-base 'API base URL (https; http only for loopback)'
            cand --host 'SMTP host'
            cand --port 'SMTP port [default: 465 for tls, 587 for starttls, 25 for none]'
            cand --security 'SMTP security: tls (implicit), starttls (required), none (loopback only)'
            cand --username 'SMTP user name'
            cand --password 'SMTP password'
            cand --password-env 'Store a reference to an environment variable holding the SMTP password'
            cand --password-file 'Read the SMTP password from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path'
            cand --from 'Sender: a mailbox for smtp (`DMS <dms@example.com>`), a number or messaging service for twilio'
            cand --vendor 'SMS vendor: aliyun or twilio'
            cand --access-key-id 'Alibaba Cloud AccessKey ID'
            cand --access-key-secret 'Alibaba Cloud AccessKey secret'
            cand --access-key-secret-env 'Store a reference to an environment variable holding the AccessKey secret'
            cand --access-key-secret-file 'Read the AccessKey secret from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path'
            cand --sign-name 'Alibaba SMS signature name'
            cand --template-code 'Alibaba SMS template for notifications (template parameter `content`)'
            cand --verify-template-code 'Alibaba SMS template for verification codes (template parameter `code`)'
            cand --region 'Alibaba region [default: cn-hangzhou]'
            cand --account-sid 'Twilio account SID'
            cand --auth-token 'Twilio auth token'
            cand --auth-token-env 'Store a reference to an environment variable holding the Twilio auth token'
            cand --auth-token-file 'Read the Twilio auth token from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path'
            cand --ca-file 'PEM file of CA certificates trusted for this provider''s connections, besides the system''s'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --app-secret-stdin 'Read the app secret from one line of stdin'
            cand --app-secret-keyring 'Keep the app secret in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --app-secret or --app-secret-stdin or asked for; the store keeps only the entry''s name, `notify/providers.<dingtalk|feishu|lark>.app_secret@<store path>`'
            cand --password-stdin 'Read the SMTP password from one line of stdin'
            cand --password-keyring 'Keep the SMTP password in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --password or --password-stdin or asked for; the store keeps only the entry''s name, `notify/providers.smtp.password@<store path>`'
            cand --access-key-secret-stdin 'Read the AccessKey secret from one line of stdin'
            cand --access-key-secret-keyring 'Keep the AccessKey secret in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --access-key-secret or --access-key-secret-stdin or asked for; the store keeps only the entry''s name, `notify/providers.sms.access_key_secret@<store path>`'
            cand --auth-token-stdin 'Read the Twilio auth token from one line of stdin'
            cand --auth-token-keyring 'Keep the Twilio auth token in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --auth-token or --auth-token-stdin or asked for; the store keeps only the entry''s name, `notify/providers.sms.auth_token@<store path>`'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;provider;help'= {
            cand list 'List the providers and whether each is configured'
            cand show 'Show a provider''s settings (secrets masked unless --reveal; defaults marked)'
            cand set 'Configure a provider''s credentials (only the fields given change)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;provider;help;list'= {
        }
        &'notify;provider;help;show'= {
        }
        &'notify;provider;help;set'= {
        }
        &'notify;provider;help;help'= {
        }
        &'notify;rule'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List every event''s rule, grouped by category'
            cand show 'Show one event''s rule, with its description, its message template and the parts the store cannot serve'
            cand enable 'Turn rules on: their events notify again'
            cand disable 'Turn rules off: their events notify nobody'
            cand set 'Change who a rule reaches, through which channel kinds and with which message (only the parts given change)'
            cand reset 'Put a rule back to its default: on, no optional roles, no additional users, every channel kind'
            cand add 'Add a custom event, with a rule at its default'
            cand remove 'Remove a custom event and its rule (built-in events can only be reset or disabled)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;rule;list'= {
            cand --category 'Only events of this category (ticket, task-flow, data-warehouse, or a custom one)'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --enabled 'Only rules that are on'
            cand --disabled 'Only rules that are off'
            cand --matrix 'Events against channel kinds: which kinds each rule delivers through'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;rule;show'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;rule;enable'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;rule;disable'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;rule;set'= {
            cand --role 'An optional role (repeatable; replaces the rule''s roles)'
            cand --recipient 'An additional user (repeatable; replaces the rule''s users)'
            cand --channel 'A channel kind the rule goes through (repeatable; replaces the rule''s kinds)'
            cand --template 'Store the message template in FILE (- for stdin), checked before it is saved'
            cand --mute 'A mute window (`notify mute set`) the rule waits out (repeatable; replaces the rule''s windows)'
            cand --on-mute 'What a delivery inside a mute window does: defer (held until the window ends) or drop (logged skipped)'
            cand --escalate 'After AFTER unacknowledged, also notify these roles through the rule''s channels (repeatable, e.g. 30m:dba; replaces the rule''s steps; `notify serve` only)'
            cand --group-by 'Group events of this rule with the same values of these fields into one message (repeatable: task_id, task_name, submitter, event, module; `notify serve` only)'
            cand --group-wait 'How long a group collects events after its first one (e.g. 30s; with --group-by)'
            cand --repeat-interval 'After a group was sent, the same group is not sent again sooner than this (e.g. 4h; with --group-by)'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --no-roles 'Remove every optional role (the default role stays)'
            cand --no-recipients 'Remove every additional user'
            cand --all-channels 'Go through every channel kind again'
            cand --no-template 'Remove the rule''s template: back to the built-in message'
            cand --no-mute 'Remove the rule''s mute windows'
            cand --no-escalate 'Remove the rule''s escalation steps'
            cand --no-grouping 'Send each event on its own again'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;rule;reset'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;rule;add'= {
            cand --default-role 'Who the event always reaches'
            cand --description 'What happened, in a sentence (also the default message) [default: the id''s words]'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;rule;remove'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;rule;help'= {
            cand list 'List every event''s rule, grouped by category'
            cand show 'Show one event''s rule, with its description, its message template and the parts the store cannot serve'
            cand enable 'Turn rules on: their events notify again'
            cand disable 'Turn rules off: their events notify nobody'
            cand set 'Change who a rule reaches, through which channel kinds and with which message (only the parts given change)'
            cand reset 'Put a rule back to its default: on, no optional roles, no additional users, every channel kind'
            cand add 'Add a custom event, with a rule at its default'
            cand remove 'Remove a custom event and its rule (built-in events can only be reset or disabled)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;rule;help;list'= {
        }
        &'notify;rule;help;show'= {
        }
        &'notify;rule;help;enable'= {
        }
        &'notify;rule;help;disable'= {
        }
        &'notify;rule;help;set'= {
        }
        &'notify;rule;help;reset'= {
        }
        &'notify;rule;help;add'= {
        }
        &'notify;rule;help;remove'= {
        }
        &'notify;rule;help;help'= {
        }
        &'notify;send'= {
            cand --to 'A stored user to notify (repeatable)'
            cand --channel 'Only use these channel kinds of the recipients (repeatable)'
            cand --webhook 'Ad-hoc custom webhook URL (repeatable)'
            cand --signature-method 'Signature method for --webhook: NONE, HMAC_SHA1, HMAC_SHA256 or STANDARD (Standard Webhooks)'
            cand --signature-key 'Signing key for --webhook'
            cand --signature-key-env 'Read the --webhook signing key from this environment variable'
            cand --signature-key-file 'Read the --webhook signing key from this file (mode 0600 or stricter; a trailing newline is dropped)'
            cand --dingtalk-bot 'Ad-hoc DingTalk chatbot webhook URL (repeatable)'
            cand --keyword 'Keyword for --dingtalk-bot'
            cand --secret 'Signing secret (SEC...) for --dingtalk-bot'
            cand --secret-env 'Read the --dingtalk-bot secret from this environment variable'
            cand --secret-file 'Read the --dingtalk-bot secret from this file (mode 0600 or stricter; a trailing newline is dropped)'
            cand --wecom-bot 'Ad-hoc WeCom chatbot webhook URL (repeatable)'
            cand --email 'Ad-hoc email address, sent through the smtp provider (repeatable)'
            cand --sms 'Ad-hoc mobile number, sent through the sms provider (repeatable)'
            cand -m 'The message text'
            cand --message 'The message text'
            cand --message-file 'Read the message from a file, or - for stdin'
            cand --title 'Email subject and chat heading [default: "[DMS] " and the event name or the message''s first line]'
            cand --template 'A MiniJinja (Jinja2) template whose output is the message in Markdown (- for stdin); it overrides the rule''s template and the message text'
            cand --link 'The ticket''s page: a button or a link wherever the channel has one'
            cand --format 'auto: each channel''s rich format (Markdown, cards, HTML email); text: plain text everywhere'
            cand --event 'The DMS event name, e.g. TicketApproval'
            cand --category 'The DMS event category'
            cand --module 'The DMS module'
            cand --task-id 'The task''s ID'
            cand --task-name 'The task''s name'
            cand --submitter 'The submitter''s user name (their display name comes from the store)'
            cand --timeout 'How long one attempt may take: 30s, 2m, ... (a bare number is seconds; at most a day)'
            cand --deadline 'How long the whole send may take, retries and robot pacing included: 30s, 5m, ... (a bare number is seconds; at most a day)'
            cand --retries 'Retries after a retryable failure (rate limit, 5xx, dropped connection)'
            cand --concurrency 'Deliveries in flight at once: a destination, or a vendor batch of many recipients, is one (connections to each host are reused)'
            cand --retry-base-ms 'First retry delay in milliseconds (doubles each retry, with jitter)'
            cand --id 'The event''s id: 1-64 letters, digits, `.`, `_`, `-`, `:` [default: a fresh UUID]. Repeating a run with an id the log holds delivers only what was not delivered yet, with the same idempotency keys'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --all-users 'Notify every stored user'
            cand --signature-key-stdin 'Read the --webhook signing key from one line of stdin'
            cand --secret-stdin 'Read the --dingtalk-bot secret from one line of stdin'
            cand --dry-run 'Print every request as it would be sent (signed, secrets masked) and send nothing'
            cand --no-log 'Do not record this run in the delivery log (then --id cannot skip anything)'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;emit'= {
            cand --submitter 'The ticket''s submitter or the flow''s owner'
            cand --approver 'The current approval node''s users (repeatable)'
            cand --related 'The ticket''s related people (repeatable)'
            cand --data-owner 'The data owners (repeatable)'
            cand --instance-dba 'The instance''s DBAs (repeatable)'
            cand --task-id 'The task''s ID'
            cand --task-name 'The task''s name'
            cand --title 'Email subject and chat heading [default: "[DMS] " and the event''s description]'
            cand -m 'The message text [default: the event''s description, the task and the submitter]'
            cand --message 'The message text [default: the event''s description, the task and the submitter]'
            cand --message-file 'Read the message from a file, or - for stdin'
            cand --template 'A MiniJinja (Jinja2) template whose output is the message in Markdown (- for stdin); it overrides the rule''s template and the message text'
            cand --link 'The ticket''s page: a button or a link wherever the channel has one'
            cand --format 'auto: each channel''s rich format (Markdown, cards, HTML email); text: plain text everywhere'
            cand --channel 'Only use these channel kinds of the recipients (repeatable)'
            cand --timeout 'How long one attempt may take: 30s, 2m, ... (a bare number is seconds; at most a day)'
            cand --deadline 'How long the whole send may take, retries and robot pacing included: 30s, 5m, ... (a bare number is seconds; at most a day)'
            cand --retries 'Retries after a retryable failure (rate limit, 5xx, dropped connection)'
            cand --concurrency 'Deliveries in flight at once: a destination, or a vendor batch of many recipients, is one (connections to each host are reused)'
            cand --retry-base-ms 'First retry delay in milliseconds (doubles each retry, with jitter)'
            cand --id 'The event''s id: 1-64 letters, digits, `.`, `_`, `-`, `:` [default: a fresh UUID]. Repeating a run with an id the log holds delivers only what was not delivered yet, with the same idempotency keys'
            cand --at 'Queue the event for a `notify serve` on the same log to send at this RFC 3339 time; prints its id'
            cand --in 'Queue the event for a `notify serve` on the same log to send after this long (10m, 2h); prints its id'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --dry-run 'Print every request as it would be sent (signed, secrets masked) and send nothing'
            cand --no-log 'Do not record this run in the delivery log (then --id cannot skip anything)'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;template'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand render 'Show what each channel would get for an event, sending nothing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;template;render'= {
            cand --channel 'Only these channel kinds (repeatable) [default: dingtalk-bot wecom-bot dingtalk feishu email sms webhook]'
            cand --to 'The stored user whose copy to show'
            cand --submitter 'The ticket''s submitter or the flow''s owner'
            cand --approver 'The current approval node''s users (repeatable)'
            cand --related 'The ticket''s related people (repeatable)'
            cand --data-owner 'The data owners (repeatable)'
            cand --instance-dba 'The instance''s DBAs (repeatable)'
            cand --task-id 'The task''s ID'
            cand --task-name 'The task''s name'
            cand --title 'Email subject and chat heading [default: "[DMS] " and the event''s description]'
            cand -m 'The message text [default: the event''s description, the task and the submitter]'
            cand --message 'The message text [default: the event''s description, the task and the submitter]'
            cand --message-file 'Read the message from a file, or - for stdin'
            cand --template 'A MiniJinja (Jinja2) template whose output is the message in Markdown (- for stdin); it overrides the rule''s template and the message text'
            cand --link 'The ticket''s page: a button or a link wherever the channel has one'
            cand --format 'auto: each channel''s rich format (Markdown, cards, HTML email); text: plain text everywhere'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;template;help'= {
            cand render 'Show what each channel would get for an event, sending nothing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;template;help;render'= {
        }
        &'notify;template;help;help'= {
        }
        &'notify;listen'= {
            cand --addr 'Where to listen: IP:PORT, localhost:PORT or just PORT; port 0 picks a free port (printed on stderr)'
            cand --signature-method 'How deliveries must be signed: the sender''s --signature-method [default: NONE]'
            cand --signature-key 'A signing key; repeat it during a key rotation (other local users can see it in the process list: prefer -env or -stdin). STANDARD takes a whsec_ key as the sender shows it, or a raw one'
            cand --signature-key-env 'Read a signing key from this environment variable (repeatable)'
            cand --signature-key-file 'Read a signing key from this file, which only you may read (mode 0600; repeatable)'
            cand --count 'Exit (0) after N accepted events; rejected requests and repeats do not count'
            cand --read-timeout-ms 'How long a request may take to arrive, and an idle connection may stay open, in milliseconds'
            cand --max-connections 'Connections served at once; more wait for a free place'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --allow-remote 'Allow an address that is not loopback (plain HTTP: anyone on the way can read the deliveries)'
            cand --signature-key-stdin 'Read a signing key from one line of stdin'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;serve'= {
            cand --bind 'Where to listen: IP:PORT, localhost:PORT or PORT; port 0 picks a free port (printed on stderr)'
            cand --auth-token-env 'Accept `Authorization: Bearer <token>` with the token in this environment variable (repeatable)'
            cand --workers 'Deliveries attempted at once, across all events (robot pacing and app rate limits are shared)'
            cand --max-attempts 'A destination is dead after this many attempts'
            cand --give-up-after 'A destination is dead when its next attempt would come later than this after the event arrived'
            cand --grace 'How long a stop waits for the attempts in flight'
            cand --lease 'How long a claimed event stays with its worker (longer than any attempt)'
            cand --public-url 'The relay''s address as people reach it, for ack links (default: the bound address)'
            cand --poll 'How often idle workers look for work nobody announced (a retry''s time, a lease that ended) [default: 200ms; 1s with a PostgreSQL log, whose commits wake every replica at once]'
            cand --ack-key-file 'The key that signs ack links (a file of mode 0600); replicas on one database share it'
            cand --signature-method 'Accept requests signed as a notify webhook delivery is: X-Notify-Signature over the raw body (HMAC_SHA1, HMAC_SHA256) or Standard Webhooks headers (STANDARD, timestamp within 5 minutes)'
            cand --signature-key-env 'The signing key is in this environment variable (repeatable: during a key rotation any key may sign; STANDARD takes a whsec_ key or a raw one)'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json-logs 'One JSON object per line on stderr ({"time", "kind", "message", ...}) instead of text'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;queue'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;cancel'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;ack'= {
            cand --by 'Who acknowledges (shown in `notify log show`)'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;mute'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Add or replace a mute window: times of day in a time zone, on some weekdays'
            cand list 'List the mute windows, and the rules and users that use each'
            cand remove 'Remove a mute window that no rule or user uses any more'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;mute;set'= {
            cand --times 'Spans of the day, HH:MM-HH:MM (comma-separated or repeated)'
            cand --weekdays 'The weekdays a span starts on: mon..sun or runs like mon-fri (comma-separated; default: every day)'
            cand --timezone 'An IANA time zone, e.g. Asia/Shanghai (default: this machine''s)'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;mute;list'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;mute;remove'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;mute;help'= {
            cand set 'Add or replace a mute window: times of day in a time zone, on some weekdays'
            cand list 'List the mute windows, and the rules and users that use each'
            cand remove 'Remove a mute window that no rule or user uses any more'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;mute;help;set'= {
        }
        &'notify;mute;help;list'= {
        }
        &'notify;mute;help;remove'= {
        }
        &'notify;mute;help;help'= {
        }
        &'notify;silence'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Silence matching deliveries for a while: they are logged skipped, reason `silenced (ID: COMMENT)`'
            cand list 'List the silences that hold now (with --all, ended ones too)'
            cand expire 'End a silence now: matching deliveries go out again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;silence;add'= {
            cand --event 'An event id or glob (`ticket.*`) to silence (repeatable)'
            cand --recipient 'A stored user to silence (repeatable)'
            cand --channel 'A channel kind to silence (repeatable)'
            cand --for 'How long from now, e.g. 30m, 2h, 1d'
            cand --until 'Until this RFC 3339 time, e.g. 2026-12-08T08:00:00Z'
            cand --comment 'Why (shown in the skipped rows'' reason)'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;silence;list'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --all 'Show ended (and expired) silences too'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;silence;expire'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;silence;help'= {
            cand add 'Silence matching deliveries for a while: they are logged skipped, reason `silenced (ID: COMMENT)`'
            cand list 'List the silences that hold now (with --all, ended ones too)'
            cand expire 'End a silence now: matching deliveries go out again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;silence;help;add'= {
        }
        &'notify;silence;help;list'= {
        }
        &'notify;silence;help;expire'= {
        }
        &'notify;silence;help;help'= {
        }
        &'notify;log'= {
            cand --id 'Only the deliveries of this event id (`send --id`)'
            cand --event 'Only the deliveries of this event name (`send --event`)'
            cand --recipient 'Only the deliveries to this user'
            cand --channel 'Only the deliveries through this channel kind'
            cand --outcome 'Only the deliveries with this outcome (queued, dead: the relay''s queue)'
            cand --since 'Only entries since: a duration back from now (90m, 2h, 3d, 1w) or an RFC 3339 time'
            cand --limit 'Show at most this many entries (the newest)'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --all-attempts 'Every recorded attempt of each destination (by default only its latest state: one row each)'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand prune 'Delete delivery log entries older than a duration or a time (nothing is ever pruned otherwise)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;log;prune'= {
            cand --older-than 'Delete entries older than this: a duration back from now (90m, 2h, 3d, 1w) or an RFC 3339 time'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;log;help'= {
            cand prune 'Delete delivery log entries older than a duration or a time (nothing is ever pruned otherwise)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;log;help;prune'= {
        }
        &'notify;log;help;help'= {
        }
        &'notify;retry'= {
            cand --id 'Only the deliveries of this event id (`send --id`)'
            cand --since 'Only deliveries that failed since: a duration back from now (90m, 2h, 3d, 1w) or an RFC 3339 time'
            cand --timeout 'How long one attempt may take: 30s, 2m, ... (a bare number is seconds; at most a day)'
            cand --deadline 'How long the whole send may take, retries and robot pacing included: 30s, 5m, ... (a bare number is seconds; at most a day)'
            cand --retries 'Retries after a retryable failure (rate limit, 5xx, dropped connection)'
            cand --concurrency 'Deliveries in flight at once: a destination, or a vendor batch of many recipients, is one (connections to each host are reused)'
            cand --retry-base-ms 'First retry delay in milliseconds (doubles each retry, with jitter)'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --dry-run 'Print every request as it would be sent (signed, secrets masked) and send nothing'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;secret'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand migrate 'Move every secret the store holds as given into the OS keyring or into files'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;secret;migrate'= {
            cand --to 'Where the secrets go: `keyring`, or `file:DIR` [default: keyring where there is one]'
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;secret;help'= {
            cand migrate 'Move every secret the store holds as given into the OS keyring or into files'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;secret;help;migrate'= {
        }
        &'notify;secret;help;help'= {
        }
        &'notify;completions'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;doctor'= {
            cand --store 'The TOML store [default: <user config dir>/notify/store.toml]'
            cand --log 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)'
            cand --log-password-env 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)'
            cand --log-password-file 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)'
            cand --log-ca-file 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)'
            cand -u 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --user 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]'
            cand --color 'When to use colour'
            cand --offline 'Skip every check that uses the network (tokens, SMTP login, TLS handshakes)'
            cand --json 'Machine-readable output on stdout (stable field names)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Print less on stderr'
            cand --quiet 'Print less on stderr'
            cand -v 'Print more detail on stderr (never secrets)'
            cand --verbose 'Print more detail on stderr (never secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'notify;help'= {
            cand channel 'Configure, verify, enable and test your own channels'
            cand user 'Manage users and their channels as an administrator'
            cand notice 'Notice Management: which channel kinds users may use at all'
            cand provider 'Credentials of the apps and servers that deliver messages'
            cand rule 'Notification rules: which events notify whom, through which channel kinds'
            cand send 'Send a notification through every enabled channel of the recipients (and ad-hoc destinations)'
            cand emit 'Notify whoever an event''s rule names, through their channels'
            cand template 'Message templates: see what each channel would get'
            cand listen 'Receive custom-webhook deliveries on loopback and check their signatures'
            cand serve 'The relay: take events over HTTP, queue them durably, deliver them through the rules'
            cand queue 'List the events that wait in the relay''s queue'
            cand cancel 'Withdraw a waiting event from the relay''s queue'
            cand ack 'Acknowledge an event: the escalation steps that have not fired yet are stopped'
            cand mute 'Mute windows: times of day when rules and users'' quiet hours hold deliveries'
            cand silence 'Silences: hush matching deliveries for a while'
            cand log 'Show the delivery log: each destination''s outcome of every send, newest first'
            cand retry 'Send again every logged delivery whose latest outcome is failed'
            cand secret 'Secrets kept outside the store: move them to the OS keyring or to files'
            cand completions 'Print a completion script for a shell'
            cand doctor 'Check the store, providers, channels and the delivery log; send nothing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'notify;help;channel'= {
            cand list 'List every channel kind for the user: configured, verified, enabled, available (Notice Management)'
            cand show 'Show one channel of the user; secrets and tokens in webhook URLs are masked unless --reveal'
            cand set 'Configure one of your channels (only the fields given change; the rest keep their values)'
            cand remove 'Remove a channel from the user''s profile (its fields, state and any pending code)'
            cand enable 'Select channels for delivery'
            cand disable 'Stop delivering through channels (their configuration is kept)'
            cand verify 'Prove a channel''s destination so that it can be enabled'
            cand test 'Send a test message through one of your channels now (enabled or not)'
        }
        &'notify;help;channel;list'= {
        }
        &'notify;help;channel;show'= {
        }
        &'notify;help;channel;set'= {
        }
        &'notify;help;channel;remove'= {
        }
        &'notify;help;channel;enable'= {
        }
        &'notify;help;channel;disable'= {
        }
        &'notify;help;channel;verify'= {
        }
        &'notify;help;channel;test'= {
        }
        &'notify;help;user'= {
            cand list 'List users with their roles and enabled channels (--json: every channel with its fields, secrets masked)'
            cand show 'Show one user and every channel they have configured'
            cand add 'Add a user'
            cand modify 'Change a user''s details and channels as an administrator, all together or not at all'
            cand remove 'Remove a user and all their channels'
            cand import 'Create or update many users from CSV or TOML, all or nothing'
        }
        &'notify;help;user;list'= {
        }
        &'notify;help;user;show'= {
        }
        &'notify;help;user;add'= {
        }
        &'notify;help;user;modify'= {
        }
        &'notify;help;user;remove'= {
        }
        &'notify;help;user;import'= {
        }
        &'notify;help;notice'= {
            cand list 'Show which channel kinds are switched on for everyone'
            cand enable 'Switch channel kinds on: users may configure and enable them'
            cand disable 'Switch channel kinds off: `channel set` and `channel enable` refuse them and sends skip them'
        }
        &'notify;help;notice;list'= {
        }
        &'notify;help;notice;enable'= {
        }
        &'notify;help;notice;disable'= {
        }
        &'notify;help;provider'= {
            cand list 'List the providers and whether each is configured'
            cand show 'Show a provider''s settings (secrets masked unless --reveal; defaults marked)'
            cand set 'Configure a provider''s credentials (only the fields given change)'
        }
        &'notify;help;provider;list'= {
        }
        &'notify;help;provider;show'= {
        }
        &'notify;help;provider;set'= {
        }
        &'notify;help;rule'= {
            cand list 'List every event''s rule, grouped by category'
            cand show 'Show one event''s rule, with its description, its message template and the parts the store cannot serve'
            cand enable 'Turn rules on: their events notify again'
            cand disable 'Turn rules off: their events notify nobody'
            cand set 'Change who a rule reaches, through which channel kinds and with which message (only the parts given change)'
            cand reset 'Put a rule back to its default: on, no optional roles, no additional users, every channel kind'
            cand add 'Add a custom event, with a rule at its default'
            cand remove 'Remove a custom event and its rule (built-in events can only be reset or disabled)'
        }
        &'notify;help;rule;list'= {
        }
        &'notify;help;rule;show'= {
        }
        &'notify;help;rule;enable'= {
        }
        &'notify;help;rule;disable'= {
        }
        &'notify;help;rule;set'= {
        }
        &'notify;help;rule;reset'= {
        }
        &'notify;help;rule;add'= {
        }
        &'notify;help;rule;remove'= {
        }
        &'notify;help;send'= {
        }
        &'notify;help;emit'= {
        }
        &'notify;help;template'= {
            cand render 'Show what each channel would get for an event, sending nothing'
        }
        &'notify;help;template;render'= {
        }
        &'notify;help;listen'= {
        }
        &'notify;help;serve'= {
        }
        &'notify;help;queue'= {
        }
        &'notify;help;cancel'= {
        }
        &'notify;help;ack'= {
        }
        &'notify;help;mute'= {
            cand set 'Add or replace a mute window: times of day in a time zone, on some weekdays'
            cand list 'List the mute windows, and the rules and users that use each'
            cand remove 'Remove a mute window that no rule or user uses any more'
        }
        &'notify;help;mute;set'= {
        }
        &'notify;help;mute;list'= {
        }
        &'notify;help;mute;remove'= {
        }
        &'notify;help;silence'= {
            cand add 'Silence matching deliveries for a while: they are logged skipped, reason `silenced (ID: COMMENT)`'
            cand list 'List the silences that hold now (with --all, ended ones too)'
            cand expire 'End a silence now: matching deliveries go out again'
        }
        &'notify;help;silence;add'= {
        }
        &'notify;help;silence;list'= {
        }
        &'notify;help;silence;expire'= {
        }
        &'notify;help;log'= {
            cand prune 'Delete delivery log entries older than a duration or a time (nothing is ever pruned otherwise)'
        }
        &'notify;help;log;prune'= {
        }
        &'notify;help;retry'= {
        }
        &'notify;help;secret'= {
            cand migrate 'Move every secret the store holds as given into the OS keyring or into files'
        }
        &'notify;help;secret;migrate'= {
        }
        &'notify;help;completions'= {
        }
        &'notify;help;doctor'= {
        }
        &'notify;help;help'= {
        }
    ]
    $completions[$command]
}
