# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_notify_global_optspecs
    string join \n store= log= log-password-env= log-password-file= log-ca-file= u/user= json no-input q/quiet v/verbose color= h/help V/version
end

function __fish_notify_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_notify_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_notify_using_subcommand
    set -l cmd (__fish_notify_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c notify -n "__fish_notify_needs_command" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_needs_command" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_needs_command" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_needs_command" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_needs_command" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_needs_command" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_needs_command" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_needs_command" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_needs_command" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_needs_command" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_needs_command" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_needs_command" -f -a "channel" -d 'Configure, verify, enable and test your own channels'
complete -c notify -n "__fish_notify_needs_command" -f -a "user" -d 'Manage users and their channels as an administrator'
complete -c notify -n "__fish_notify_needs_command" -f -a "notice" -d 'Notice Management: which channel kinds users may use at all'
complete -c notify -n "__fish_notify_needs_command" -f -a "provider" -d 'Credentials of the apps and servers that deliver messages'
complete -c notify -n "__fish_notify_needs_command" -f -a "rule" -d 'Notification rules: which events notify whom, through which channel kinds'
complete -c notify -n "__fish_notify_needs_command" -f -a "send" -d 'Send a notification through every enabled channel of the recipients (and ad-hoc destinations)'
complete -c notify -n "__fish_notify_needs_command" -f -a "emit" -d 'Notify whoever an event\'s rule names, through their channels'
complete -c notify -n "__fish_notify_needs_command" -f -a "template" -d 'Message templates: see what each channel would get'
complete -c notify -n "__fish_notify_needs_command" -f -a "listen" -d 'Receive custom-webhook deliveries on loopback and check their signatures'
complete -c notify -n "__fish_notify_needs_command" -f -a "serve" -d 'The relay: take events over HTTP, queue them durably, deliver them through the rules'
complete -c notify -n "__fish_notify_needs_command" -f -a "queue" -d 'List the events that wait in the relay\'s queue'
complete -c notify -n "__fish_notify_needs_command" -f -a "cancel" -d 'Withdraw a waiting event from the relay\'s queue'
complete -c notify -n "__fish_notify_needs_command" -f -a "ack" -d 'Acknowledge an event: the escalation steps that have not fired yet are stopped'
complete -c notify -n "__fish_notify_needs_command" -f -a "mute" -d 'Mute windows: times of day when rules and users\' quiet hours hold deliveries'
complete -c notify -n "__fish_notify_needs_command" -f -a "silence" -d 'Silences: hush matching deliveries for a while'
complete -c notify -n "__fish_notify_needs_command" -f -a "log" -d 'Show the delivery log: each destination\'s outcome of every send, newest first'
complete -c notify -n "__fish_notify_needs_command" -f -a "retry" -d 'Send again every logged delivery whose latest outcome is failed'
complete -c notify -n "__fish_notify_needs_command" -f -a "secret" -d 'Secrets kept outside the store: move them to the OS keyring or to files'
complete -c notify -n "__fish_notify_needs_command" -f -a "completions" -d 'Print a completion script for a shell'
complete -c notify -n "__fish_notify_needs_command" -f -a "doctor" -d 'Check the store, providers, channels and the delivery log; send nothing'
complete -c notify -n "__fish_notify_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -f -a "list" -d 'List every channel kind for the user: configured, verified, enabled, available (Notice Management)'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -f -a "show" -d 'Show one channel of the user; secrets and tokens in webhook URLs are masked unless --reveal'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -f -a "set" -d 'Configure one of your channels (only the fields given change; the rest keep their values)'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -f -a "remove" -d 'Remove a channel from the user\'s profile (its fields, state and any pending code)'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -f -a "enable" -d 'Select channels for delivery'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -f -a "disable" -d 'Stop delivering through channels (their configuration is kept)'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -f -a "verify" -d 'Prove a channel\'s destination so that it can be enabled'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -f -a "test" -d 'Send a test message through one of your channels now (enabled or not)'
complete -c notify -n "__fish_notify_using_subcommand channel; and not __fish_seen_subcommand_from list show set remove enable disable verify test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from list" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from list" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from list" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from list" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from list" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from list" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -l reveal -d 'Print secrets and webhook tokens in full'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l mobile -d 'Mobile number (dingtalk, feishu, lark, lark-mobile, sms)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l employee-id -d 'Employee ID (dingtalk-exclusive)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l email -d 'Email address (lark)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l address -d 'Email address (email)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l webhook -d 'Robot webhook URL (dingtalk-bot, wecom-bot)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l keyword -d 'Keyword the DingTalk robot checks; every message will contain it (dingtalk-bot)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l secret -d 'Robot signing secret, SEC... (dingtalk-bot)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l secret-env -d 'Store a reference to an environment variable holding the robot signing secret' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l secret-file -d 'Read the robot signing secret from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l url -d 'Endpoint URL (webhook)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l signature-method -d 'NONE, HMAC_SHA1, HMAC_SHA256 or STANDARD (Standard Webhooks: a whsec_ or raw key) (webhook)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l signature-key -d 'Signing key (webhook; required unless the method is NONE)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l signature-key-env -d 'Store a reference to an environment variable holding the signing key' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l signature-key-file -d 'Read the signing key from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l ca-file -d 'PEM file of CA certificates trusted for this endpoint, in addition to the system\'s (dingtalk-bot, wecom-bot, webhook)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l secret-stdin -d 'Read the robot signing secret from one line of stdin'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l secret-keyring -d 'Keep the robot signing secret in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --secret or --secret-stdin or asked for; the store keeps only the entry\'s name, `notify/users.<user>.channels.dingtalk-bot.secret@<store path>`'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l signature-key-stdin -d 'Read the signing key from one line of stdin'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l signature-key-keyring -d 'Keep the signing key in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --signature-key or --signature-key-stdin or asked for; the store keeps only the entry\'s name, `notify/users.<user>.channels.webhook.signature_key@<store path>`'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from remove" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from remove" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from remove" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from remove" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from remove" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from remove" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from remove" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from enable" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from enable" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from enable" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from enable" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from enable" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from enable" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from enable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from enable" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from enable" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from disable" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from disable" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from disable" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from disable" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from disable" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from disable" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from disable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from disable" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from disable" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -l code -d 'The code you received' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -s m -l message -d 'The text to send' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l timeout -d 'How long one attempt may take: 30s, 2m, ... (a bare number is seconds; at most a day)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l deadline -d 'How long the whole send may take, retries and robot pacing included: 30s, 5m, ... (a bare number is seconds; at most a day)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l retries -d 'Retries after a retryable failure (rate limit, 5xx, dropped connection)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l concurrency -d 'Deliveries in flight at once: a destination, or a vendor batch of many recipients, is one (connections to each host are reused)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l retry-base-ms -d 'First retry delay in milliseconds (doubles each retry, with jitter)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l dry-run -d 'Print the request instead of sending it'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l no-log -d 'Do not record this run in the delivery log (then --id cannot skip anything)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every channel kind for the user: configured, verified, enabled, available (Notice Management)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one channel of the user; secrets and tokens in webhook URLs are masked unless --reveal'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "set" -d 'Configure one of your channels (only the fields given change; the rest keep their values)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a channel from the user\'s profile (its fields, state and any pending code)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Select channels for delivery'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Stop delivering through channels (their configuration is kept)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Prove a channel\'s destination so that it can be enabled'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "test" -d 'Send a test message through one of your channels now (enabled or not)'
complete -c notify -n "__fish_notify_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -f -a "list" -d 'List users with their roles and enabled channels (--json: every channel with its fields, secrets masked)'
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -f -a "show" -d 'Show one user and every channel they have configured'
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -f -a "add" -d 'Add a user'
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -f -a "modify" -d 'Change a user\'s details and channels as an administrator, all together or not at all'
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -f -a "remove" -d 'Remove a user and all their channels'
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -f -a "import" -d 'Create or update many users from CSV or TOML, all or nothing'
complete -c notify -n "__fish_notify_using_subcommand user; and not __fish_seen_subcommand_from list show add modify remove import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -l role -d 'Only users holding this store role (e.g. dba)' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -l reveal -d 'Print secrets and webhook tokens in full (with --json)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -l reveal -d 'Print secrets and webhook tokens in full'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -l display-name -d 'The name shown to people' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -l role -d 'A role (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l display-name -d 'The name shown to people' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l role -d 'Replace the user\'s roles (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l set -d 'Set a channel field: KIND.FIELD=VALUE (a secret as KIND.FIELD_env=VAR keeps only a reference)' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l enable -d 'Mark a channel verified and enable it (repeatable)' -r -f -a "dingtalk\t'DingTalk Standard Edition'
dingtalk-exclusive\t'DingTalk Exclusive Edition'
feishu\t'Feishu'
lark\t'Lark'
lark-mobile\t'Mobile phone (Lark)'
dingtalk-bot\t'DingTalk chatbot'
wecom-bot\t'WeCom chatbot'
email\t'Email address'
sms\t'Text message'
webhook\t'Custom webhook'"
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l disable -d 'Disable a channel (repeatable)' -r -f -a "dingtalk\t'DingTalk Standard Edition'
dingtalk-exclusive\t'DingTalk Exclusive Edition'
feishu\t'Feishu'
lark\t'Lark'
lark-mobile\t'Mobile phone (Lark)'
dingtalk-bot\t'DingTalk chatbot'
wecom-bot\t'WeCom chatbot'
email\t'Email address'
sms\t'Text message'
webhook\t'Custom webhook'"
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l quiet-hours -d 'A mute window (`notify mute set`) every delivery to this user waits out (always deferred)' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l fallback -d 'Channel kinds to try in this order, the first that delivers (comma-separated)' -r -f -a "dingtalk\t'DingTalk Standard Edition'
dingtalk-exclusive\t'DingTalk Exclusive Edition'
feishu\t'Feishu'
lark\t'Lark'
lark-mobile\t'Mobile phone (Lark)'
dingtalk-bot\t'DingTalk chatbot'
wecom-bot\t'WeCom chatbot'
email\t'Email address'
sms\t'Text message'
webhook\t'Custom webhook'"
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l create -d 'Create the user when it does not exist'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l no-quiet-hours -d 'Remove the user\'s quiet hours'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l no-fallback -d 'Deliver through every enabled channel again'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from modify" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from remove" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from remove" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from remove" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from remove" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from remove" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from remove" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from remove" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -l format -d 'The format, when the file name does not tell' -r -f -a "csv\t''
toml\t''"
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users with their roles and enabled channels (--json: every channel with its fields, secrets masked)'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one user and every channel they have configured'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a user'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "modify" -d 'Change a user\'s details and channels as an administrator, all together or not at all'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a user and all their channels'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "import" -d 'Create or update many users from CSV or TOML, all or nothing'
complete -c notify -n "__fish_notify_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -f -a "list" -d 'Show which channel kinds are switched on for everyone'
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -f -a "enable" -d 'Switch channel kinds on: users may configure and enable them'
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -f -a "disable" -d 'Switch channel kinds off: `channel set` and `channel enable` refuse them and sends skip them'
complete -c notify -n "__fish_notify_using_subcommand notice; and not __fish_seen_subcommand_from list enable disable help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from list" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from list" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from list" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from list" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from list" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from list" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from enable" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from enable" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from enable" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from enable" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from enable" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from enable" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from enable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from enable" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from enable" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from disable" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from disable" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from disable" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from disable" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from disable" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from disable" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from disable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from disable" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from disable" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from help" -f -a "list" -d 'Show which channel kinds are switched on for everyone'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Switch channel kinds on: users may configure and enable them'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Switch channel kinds off: `channel set` and `channel enable` refuse them and sends skip them'
complete -c notify -n "__fish_notify_using_subcommand notice; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -f -a "list" -d 'List the providers and whether each is configured'
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -f -a "show" -d 'Show a provider\'s settings (secrets masked unless --reveal; defaults marked)'
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -f -a "set" -d 'Configure a provider\'s credentials (only the fields given change)'
complete -c notify -n "__fish_notify_using_subcommand provider; and not __fish_seen_subcommand_from list show set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from list" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from list" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from list" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from list" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from list" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from list" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -l reveal -d 'Print secrets in full'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l app-key -d 'DingTalk app key' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l app-id -d 'Feishu/Lark app id' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l app-secret -d 'App secret (dingtalk, feishu, lark)' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l app-secret-env -d 'Store a reference to an environment variable holding the app secret' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l app-secret-file -d 'Read the app secret from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l agent-id -d 'DingTalk agent id (a number)' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l api-base -d 'API base URL (https; http only for loopback)' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l host -d 'SMTP host' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l port -d 'SMTP port [default: 465 for tls, 587 for starttls, 25 for none]' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l security -d 'SMTP security: tls (implicit), starttls (required), none (loopback only)' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l username -d 'SMTP user name' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l password -d 'SMTP password' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l password-env -d 'Store a reference to an environment variable holding the SMTP password' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l password-file -d 'Read the SMTP password from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l from -d 'Sender: a mailbox for smtp (`DMS <dms@example.com>`), a number or messaging service for twilio' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l vendor -d 'SMS vendor: aliyun or twilio' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l access-key-id -d 'Alibaba Cloud AccessKey ID' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l access-key-secret -d 'Alibaba Cloud AccessKey secret' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l access-key-secret-env -d 'Store a reference to an environment variable holding the AccessKey secret' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l access-key-secret-file -d 'Read the AccessKey secret from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l sign-name -d 'Alibaba SMS signature name' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l template-code -d 'Alibaba SMS template for notifications (template parameter `content`)' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l verify-template-code -d 'Alibaba SMS template for verification codes (template parameter `code`)' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l region -d 'Alibaba region [default: cn-hangzhou]' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l account-sid -d 'Twilio account SID' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l auth-token -d 'Twilio auth token' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l auth-token-env -d 'Store a reference to an environment variable holding the Twilio auth token' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l auth-token-file -d 'Read the Twilio auth token from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l ca-file -d 'PEM file of CA certificates trusted for this provider\'s connections, besides the system\'s' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l app-secret-stdin -d 'Read the app secret from one line of stdin'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l app-secret-keyring -d 'Keep the app secret in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --app-secret or --app-secret-stdin or asked for; the store keeps only the entry\'s name, `notify/providers.<dingtalk|feishu|lark>.app_secret@<store path>`'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l password-stdin -d 'Read the SMTP password from one line of stdin'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l password-keyring -d 'Keep the SMTP password in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --password or --password-stdin or asked for; the store keeps only the entry\'s name, `notify/providers.smtp.password@<store path>`'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l access-key-secret-stdin -d 'Read the AccessKey secret from one line of stdin'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l access-key-secret-keyring -d 'Keep the AccessKey secret in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --access-key-secret or --access-key-secret-stdin or asked for; the store keeps only the entry\'s name, `notify/providers.sms.access_key_secret@<store path>`'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l auth-token-stdin -d 'Read the Twilio auth token from one line of stdin'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l auth-token-keyring -d 'Keep the Twilio auth token in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --auth-token or --auth-token-stdin or asked for; the store keeps only the entry\'s name, `notify/providers.sms.auth_token@<store path>`'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the providers and whether each is configured'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a provider\'s settings (secrets masked unless --reveal; defaults marked)'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "set" -d 'Configure a provider\'s credentials (only the fields given change)'
complete -c notify -n "__fish_notify_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -f -a "list" -d 'List every event\'s rule, grouped by category'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -f -a "show" -d 'Show one event\'s rule, with its description, its message template and the parts the store cannot serve'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -f -a "enable" -d 'Turn rules on: their events notify again'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -f -a "disable" -d 'Turn rules off: their events notify nobody'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -f -a "set" -d 'Change who a rule reaches, through which channel kinds and with which message (only the parts given change)'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -f -a "reset" -d 'Put a rule back to its default: on, no optional roles, no additional users, every channel kind'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -f -a "add" -d 'Add a custom event, with a rule at its default'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -f -a "remove" -d 'Remove a custom event and its rule (built-in events can only be reset or disabled)'
complete -c notify -n "__fish_notify_using_subcommand rule; and not __fish_seen_subcommand_from list show enable disable set reset add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -l category -d 'Only events of this category (ticket, task-flow, data-warehouse, or a custom one)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -l enabled -d 'Only rules that are on'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -l disabled -d 'Only rules that are off'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -l matrix -d 'Events against channel kinds: which kinds each rule delivers through'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from show" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from show" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from show" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from show" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from show" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from show" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from enable" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from enable" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from enable" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from enable" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from enable" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from enable" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from enable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from enable" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from enable" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from disable" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from disable" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from disable" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from disable" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from disable" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from disable" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from disable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from disable" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from disable" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l role -d 'An optional role (repeatable; replaces the rule\'s roles)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l recipient -d 'An additional user (repeatable; replaces the rule\'s users)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l channel -d 'A channel kind the rule goes through (repeatable; replaces the rule\'s kinds)' -r -f -a "dingtalk\t'DingTalk Standard Edition'
dingtalk-exclusive\t'DingTalk Exclusive Edition'
feishu\t'Feishu'
lark\t'Lark'
lark-mobile\t'Mobile phone (Lark)'
dingtalk-bot\t'DingTalk chatbot'
wecom-bot\t'WeCom chatbot'
email\t'Email address'
sms\t'Text message'
webhook\t'Custom webhook'"
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l template -d 'Store the message template in FILE (- for stdin), checked before it is saved' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l mute -d 'A mute window (`notify mute set`) the rule waits out (repeatable; replaces the rule\'s windows)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l on-mute -d 'What a delivery inside a mute window does: defer (held until the window ends) or drop (logged skipped)' -r -f -a "defer\t'Hold it until the window ends'
drop\t'Record it skipped'"
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l escalate -d 'After AFTER unacknowledged, also notify these roles through the rule\'s channels (repeatable, e.g. 30m:dba; replaces the rule\'s steps; `notify serve` only)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l group-by -d 'Group events of this rule with the same values of these fields into one message (repeatable: task_id, task_name, submitter, event, module; `notify serve` only)' -r -f -a "task_id\t''
task_name\t''
submitter\t''
event\t''
module\t''"
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l group-wait -d 'How long a group collects events after its first one (e.g. 30s; with --group-by)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l repeat-interval -d 'After a group was sent, the same group is not sent again sooner than this (e.g. 4h; with --group-by)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l no-roles -d 'Remove every optional role (the default role stays)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l no-recipients -d 'Remove every additional user'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l all-channels -d 'Go through every channel kind again'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l no-template -d 'Remove the rule\'s template: back to the built-in message'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l no-mute -d 'Remove the rule\'s mute windows'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l no-escalate -d 'Remove the rule\'s escalation steps'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l no-grouping -d 'Send each event on its own again'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from reset" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from reset" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from reset" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from reset" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from reset" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from reset" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from reset" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from reset" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -l default-role -d 'Who the event always reaches' -r -f -a "submitter\t''
approver\t''
none\t''"
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -l description -d 'What happened, in a sentence (also the default message) [default: the id\'s words]' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from remove" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from remove" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from remove" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from remove" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from remove" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from remove" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from remove" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every event\'s rule, grouped by category'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one event\'s rule, with its description, its message template and the parts the store cannot serve'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Turn rules on: their events notify again'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Turn rules off: their events notify nobody'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change who a rule reaches, through which channel kinds and with which message (only the parts given change)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Put a rule back to its default: on, no optional roles, no additional users, every channel kind'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a custom event, with a rule at its default'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a custom event and its rule (built-in events can only be reset or disabled)'
complete -c notify -n "__fish_notify_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand send" -l to -d 'A stored user to notify (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l channel -d 'Only use these channel kinds of the recipients (repeatable)' -r -f -a "dingtalk\t'DingTalk Standard Edition'
dingtalk-exclusive\t'DingTalk Exclusive Edition'
feishu\t'Feishu'
lark\t'Lark'
lark-mobile\t'Mobile phone (Lark)'
dingtalk-bot\t'DingTalk chatbot'
wecom-bot\t'WeCom chatbot'
email\t'Email address'
sms\t'Text message'
webhook\t'Custom webhook'"
complete -c notify -n "__fish_notify_using_subcommand send" -l webhook -d 'Ad-hoc custom webhook URL (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l signature-method -d 'Signature method for --webhook: NONE, HMAC_SHA1, HMAC_SHA256 or STANDARD (Standard Webhooks)' -r -f -a "NONE\t''
HMAC_SHA1\t''
HMAC_SHA256\t''
STANDARD\t''"
complete -c notify -n "__fish_notify_using_subcommand send" -l signature-key -d 'Signing key for --webhook' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l signature-key-env -d 'Read the --webhook signing key from this environment variable' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l signature-key-file -d 'Read the --webhook signing key from this file (mode 0600 or stricter; a trailing newline is dropped)' -r -F
complete -c notify -n "__fish_notify_using_subcommand send" -l dingtalk-bot -d 'Ad-hoc DingTalk chatbot webhook URL (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l keyword -d 'Keyword for --dingtalk-bot' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l secret -d 'Signing secret (SEC...) for --dingtalk-bot' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l secret-env -d 'Read the --dingtalk-bot secret from this environment variable' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l secret-file -d 'Read the --dingtalk-bot secret from this file (mode 0600 or stricter; a trailing newline is dropped)' -r -F
complete -c notify -n "__fish_notify_using_subcommand send" -l wecom-bot -d 'Ad-hoc WeCom chatbot webhook URL (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l email -d 'Ad-hoc email address, sent through the smtp provider (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l sms -d 'Ad-hoc mobile number, sent through the sms provider (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand send" -s m -l message -d 'The message text' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l message-file -d 'Read the message from a file, or - for stdin' -r -F
complete -c notify -n "__fish_notify_using_subcommand send" -l title -d 'Email subject and chat heading [default: "[DMS] " and the event name or the message\'s first line]' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l template -d 'A MiniJinja (Jinja2) template whose output is the message in Markdown (- for stdin); it overrides the rule\'s template and the message text' -r -F
complete -c notify -n "__fish_notify_using_subcommand send" -l link -d 'The ticket\'s page: a button or a link wherever the channel has one' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l format -d 'auto: each channel\'s rich format (Markdown, cards, HTML email); text: plain text everywhere' -r -f -a "auto\t'Each channel\'s rich format; plain text where a channel only takes text'
text\t'Plain text everywhere'
markdown\t'The same as auto'"
complete -c notify -n "__fish_notify_using_subcommand send" -l event -d 'The DMS event name, e.g. TicketApproval' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l category -d 'The DMS event category' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l module -d 'The DMS module' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l task-id -d 'The task\'s ID' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l task-name -d 'The task\'s name' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l submitter -d 'The submitter\'s user name (their display name comes from the store)' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l timeout -d 'How long one attempt may take: 30s, 2m, ... (a bare number is seconds; at most a day)' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l deadline -d 'How long the whole send may take, retries and robot pacing included: 30s, 5m, ... (a bare number is seconds; at most a day)' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l retries -d 'Retries after a retryable failure (rate limit, 5xx, dropped connection)' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l concurrency -d 'Deliveries in flight at once: a destination, or a vendor batch of many recipients, is one (connections to each host are reused)' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l retry-base-ms -d 'First retry delay in milliseconds (doubles each retry, with jitter)' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l id -d 'The event\'s id: 1-64 letters, digits, `.`, `_`, `-`, `:` [default: a fresh UUID]. Repeating a run with an id the log holds delivers only what was not delivered yet, with the same idempotency keys' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand send" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand send" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand send" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand send" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand send" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand send" -l all-users -d 'Notify every stored user'
complete -c notify -n "__fish_notify_using_subcommand send" -l signature-key-stdin -d 'Read the --webhook signing key from one line of stdin'
complete -c notify -n "__fish_notify_using_subcommand send" -l secret-stdin -d 'Read the --dingtalk-bot secret from one line of stdin'
complete -c notify -n "__fish_notify_using_subcommand send" -l dry-run -d 'Print every request as it would be sent (signed, secrets masked) and send nothing'
complete -c notify -n "__fish_notify_using_subcommand send" -l no-log -d 'Do not record this run in the delivery log (then --id cannot skip anything)'
complete -c notify -n "__fish_notify_using_subcommand send" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand send" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand send" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand send" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand send" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand emit" -l submitter -d 'The ticket\'s submitter or the flow\'s owner' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l approver -d 'The current approval node\'s users (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l related -d 'The ticket\'s related people (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l data-owner -d 'The data owners (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l instance-dba -d 'The instance\'s DBAs (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l task-id -d 'The task\'s ID' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l task-name -d 'The task\'s name' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l title -d 'Email subject and chat heading [default: "[DMS] " and the event\'s description]' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -s m -l message -d 'The message text [default: the event\'s description, the task and the submitter]' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l message-file -d 'Read the message from a file, or - for stdin' -r -F
complete -c notify -n "__fish_notify_using_subcommand emit" -l template -d 'A MiniJinja (Jinja2) template whose output is the message in Markdown (- for stdin); it overrides the rule\'s template and the message text' -r -F
complete -c notify -n "__fish_notify_using_subcommand emit" -l link -d 'The ticket\'s page: a button or a link wherever the channel has one' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l format -d 'auto: each channel\'s rich format (Markdown, cards, HTML email); text: plain text everywhere' -r -f -a "auto\t'Each channel\'s rich format; plain text where a channel only takes text'
text\t'Plain text everywhere'
markdown\t'The same as auto'"
complete -c notify -n "__fish_notify_using_subcommand emit" -l channel -d 'Only use these channel kinds of the recipients (repeatable)' -r -f -a "dingtalk\t'DingTalk Standard Edition'
dingtalk-exclusive\t'DingTalk Exclusive Edition'
feishu\t'Feishu'
lark\t'Lark'
lark-mobile\t'Mobile phone (Lark)'
dingtalk-bot\t'DingTalk chatbot'
wecom-bot\t'WeCom chatbot'
email\t'Email address'
sms\t'Text message'
webhook\t'Custom webhook'"
complete -c notify -n "__fish_notify_using_subcommand emit" -l timeout -d 'How long one attempt may take: 30s, 2m, ... (a bare number is seconds; at most a day)' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l deadline -d 'How long the whole send may take, retries and robot pacing included: 30s, 5m, ... (a bare number is seconds; at most a day)' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l retries -d 'Retries after a retryable failure (rate limit, 5xx, dropped connection)' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l concurrency -d 'Deliveries in flight at once: a destination, or a vendor batch of many recipients, is one (connections to each host are reused)' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l retry-base-ms -d 'First retry delay in milliseconds (doubles each retry, with jitter)' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l id -d 'The event\'s id: 1-64 letters, digits, `.`, `_`, `-`, `:` [default: a fresh UUID]. Repeating a run with an id the log holds delivers only what was not delivered yet, with the same idempotency keys' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l at -d 'Queue the event for a `notify serve` on the same log to send at this RFC 3339 time; prints its id' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l in -d 'Queue the event for a `notify serve` on the same log to send after this long (10m, 2h); prints its id' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand emit" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand emit" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand emit" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand emit" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand emit" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand emit" -l dry-run -d 'Print every request as it would be sent (signed, secrets masked) and send nothing'
complete -c notify -n "__fish_notify_using_subcommand emit" -l no-log -d 'Do not record this run in the delivery log (then --id cannot skip anything)'
complete -c notify -n "__fish_notify_using_subcommand emit" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand emit" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand emit" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand emit" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand emit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand emit" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -f -a "render" -d 'Show what each channel would get for an event, sending nothing'
complete -c notify -n "__fish_notify_using_subcommand template; and not __fish_seen_subcommand_from render help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l channel -d 'Only these channel kinds (repeatable) [default: dingtalk-bot wecom-bot dingtalk feishu email sms webhook]' -r -f -a "dingtalk\t'DingTalk Standard Edition'
dingtalk-exclusive\t'DingTalk Exclusive Edition'
feishu\t'Feishu'
lark\t'Lark'
lark-mobile\t'Mobile phone (Lark)'
dingtalk-bot\t'DingTalk chatbot'
wecom-bot\t'WeCom chatbot'
email\t'Email address'
sms\t'Text message'
webhook\t'Custom webhook'"
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l to -d 'The stored user whose copy to show' -r
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l submitter -d 'The ticket\'s submitter or the flow\'s owner' -r
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l approver -d 'The current approval node\'s users (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l related -d 'The ticket\'s related people (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l data-owner -d 'The data owners (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l instance-dba -d 'The instance\'s DBAs (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l task-id -d 'The task\'s ID' -r
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l task-name -d 'The task\'s name' -r
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l title -d 'Email subject and chat heading [default: "[DMS] " and the event\'s description]' -r
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -s m -l message -d 'The message text [default: the event\'s description, the task and the submitter]' -r
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l message-file -d 'Read the message from a file, or - for stdin' -r -F
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l template -d 'A MiniJinja (Jinja2) template whose output is the message in Markdown (- for stdin); it overrides the rule\'s template and the message text' -r -F
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l link -d 'The ticket\'s page: a button or a link wherever the channel has one' -r
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l format -d 'auto: each channel\'s rich format (Markdown, cards, HTML email); text: plain text everywhere' -r -f -a "auto\t'Each channel\'s rich format; plain text where a channel only takes text'
text\t'Plain text everywhere'
markdown\t'The same as auto'"
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from render" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from help" -f -a "render" -d 'Show what each channel would get for an event, sending nothing'
complete -c notify -n "__fish_notify_using_subcommand template; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand listen" -l addr -d 'Where to listen: IP:PORT, localhost:PORT or just PORT; port 0 picks a free port (printed on stderr)' -r
complete -c notify -n "__fish_notify_using_subcommand listen" -l signature-method -d 'How deliveries must be signed: the sender\'s --signature-method [default: NONE]' -r -f -a "NONE\t''
HMAC_SHA1\t''
HMAC_SHA256\t''
STANDARD\t''"
complete -c notify -n "__fish_notify_using_subcommand listen" -l signature-key -d 'A signing key; repeat it during a key rotation (other local users can see it in the process list: prefer -env or -stdin). STANDARD takes a whsec_ key as the sender shows it, or a raw one' -r
complete -c notify -n "__fish_notify_using_subcommand listen" -l signature-key-env -d 'Read a signing key from this environment variable (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand listen" -l signature-key-file -d 'Read a signing key from this file, which only you may read (mode 0600; repeatable)' -r -F
complete -c notify -n "__fish_notify_using_subcommand listen" -l count -d 'Exit (0) after N accepted events; rejected requests and repeats do not count' -r
complete -c notify -n "__fish_notify_using_subcommand listen" -l read-timeout-ms -d 'How long a request may take to arrive, and an idle connection may stay open, in milliseconds' -r
complete -c notify -n "__fish_notify_using_subcommand listen" -l max-connections -d 'Connections served at once; more wait for a free place' -r
complete -c notify -n "__fish_notify_using_subcommand listen" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand listen" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand listen" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand listen" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand listen" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand listen" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand listen" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand listen" -l allow-remote -d 'Allow an address that is not loopback (plain HTTP: anyone on the way can read the deliveries)'
complete -c notify -n "__fish_notify_using_subcommand listen" -l signature-key-stdin -d 'Read a signing key from one line of stdin'
complete -c notify -n "__fish_notify_using_subcommand listen" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand listen" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand listen" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand listen" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand listen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand listen" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand serve" -l bind -d 'Where to listen: IP:PORT, localhost:PORT or PORT; port 0 picks a free port (printed on stderr)' -r
complete -c notify -n "__fish_notify_using_subcommand serve" -l auth-token-env -d 'Accept `Authorization: Bearer <token>` with the token in this environment variable (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand serve" -l workers -d 'Deliveries attempted at once, across all events (robot pacing and app rate limits are shared)' -r
complete -c notify -n "__fish_notify_using_subcommand serve" -l max-attempts -d 'A destination is dead after this many attempts' -r
complete -c notify -n "__fish_notify_using_subcommand serve" -l give-up-after -d 'A destination is dead when its next attempt would come later than this after the event arrived' -r
complete -c notify -n "__fish_notify_using_subcommand serve" -l grace -d 'How long a stop waits for the attempts in flight' -r
complete -c notify -n "__fish_notify_using_subcommand serve" -l lease -d 'How long a claimed event stays with its worker (longer than any attempt)' -r
complete -c notify -n "__fish_notify_using_subcommand serve" -l public-url -d 'The relay\'s address as people reach it, for ack links (default: the bound address)' -r
complete -c notify -n "__fish_notify_using_subcommand serve" -l poll -d 'How often idle workers look for work nobody announced (a retry\'s time, a lease that ended) [default: 200ms; 1s with a PostgreSQL log, whose commits wake every replica at once]' -r
complete -c notify -n "__fish_notify_using_subcommand serve" -l ack-key-file -d 'The key that signs ack links (a file of mode 0600); replicas on one database share it' -r -F
complete -c notify -n "__fish_notify_using_subcommand serve" -l signature-method -d 'Accept requests signed as a notify webhook delivery is: X-Notify-Signature over the raw body (HMAC_SHA1, HMAC_SHA256) or Standard Webhooks headers (STANDARD, timestamp within 5 minutes)' -r -f -a "NONE\t''
HMAC_SHA1\t''
HMAC_SHA256\t''
STANDARD\t''"
complete -c notify -n "__fish_notify_using_subcommand serve" -l signature-key-env -d 'The signing key is in this environment variable (repeatable: during a key rotation any key may sign; STANDARD takes a whsec_ key or a raw one)' -r
complete -c notify -n "__fish_notify_using_subcommand serve" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand serve" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand serve" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand serve" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand serve" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand serve" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand serve" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand serve" -l json-logs -d 'One JSON object per line on stderr ({"time", "kind", "message", ...}) instead of text'
complete -c notify -n "__fish_notify_using_subcommand serve" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand serve" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand serve" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand serve" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand serve" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand queue" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand queue" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand queue" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand queue" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand queue" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand queue" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand queue" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand queue" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand queue" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand queue" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand queue" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand queue" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand queue" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand cancel" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand cancel" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand cancel" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand cancel" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand cancel" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand cancel" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand cancel" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand cancel" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand cancel" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand cancel" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand cancel" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand cancel" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand ack" -l by -d 'Who acknowledges (shown in `notify log show`)' -r
complete -c notify -n "__fish_notify_using_subcommand ack" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand ack" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand ack" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand ack" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand ack" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand ack" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand ack" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand ack" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand ack" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand ack" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand ack" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand ack" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand ack" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -f -a "set" -d 'Add or replace a mute window: times of day in a time zone, on some weekdays'
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -f -a "list" -d 'List the mute windows, and the rules and users that use each'
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -f -a "remove" -d 'Remove a mute window that no rule or user uses any more'
complete -c notify -n "__fish_notify_using_subcommand mute; and not __fish_seen_subcommand_from set list remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -l times -d 'Spans of the day, HH:MM-HH:MM (comma-separated or repeated)' -r
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -l weekdays -d 'The weekdays a span starts on: mon..sun or runs like mon-fri (comma-separated; default: every day)' -r
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -l timezone -d 'An IANA time zone, e.g. Asia/Shanghai (default: this machine\'s)' -r
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from list" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from list" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from list" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from list" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from list" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from list" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from remove" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from remove" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from remove" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from remove" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from remove" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from remove" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from remove" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from help" -f -a "set" -d 'Add or replace a mute window: times of day in a time zone, on some weekdays'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the mute windows, and the rules and users that use each'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a mute window that no rule or user uses any more'
complete -c notify -n "__fish_notify_using_subcommand mute; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -f -a "add" -d 'Silence matching deliveries for a while: they are logged skipped, reason `silenced (ID: COMMENT)`'
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -f -a "list" -d 'List the silences that hold now (with --all, ended ones too)'
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -f -a "expire" -d 'End a silence now: matching deliveries go out again'
complete -c notify -n "__fish_notify_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l event -d 'An event id or glob (`ticket.*`) to silence (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l recipient -d 'A stored user to silence (repeatable)' -r
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l channel -d 'A channel kind to silence (repeatable)' -r -f -a "dingtalk\t'DingTalk Standard Edition'
dingtalk-exclusive\t'DingTalk Exclusive Edition'
feishu\t'Feishu'
lark\t'Lark'
lark-mobile\t'Mobile phone (Lark)'
dingtalk-bot\t'DingTalk chatbot'
wecom-bot\t'WeCom chatbot'
email\t'Email address'
sms\t'Text message'
webhook\t'Custom webhook'"
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l for -d 'How long from now, e.g. 30m, 2h, 1d' -r
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l until -d 'Until this RFC 3339 time, e.g. 2026-12-08T08:00:00Z' -r
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l comment -d 'Why (shown in the skipped rows\' reason)' -r
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -l all -d 'Show ended (and expired) silences too'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from expire" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from expire" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from expire" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from expire" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from expire" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from expire" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from expire" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from expire" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from expire" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from expire" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from expire" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from expire" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from expire" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from help" -f -a "add" -d 'Silence matching deliveries for a while: they are logged skipped, reason `silenced (ID: COMMENT)`'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the silences that hold now (with --all, ended ones too)'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from help" -f -a "expire" -d 'End a silence now: matching deliveries go out again'
complete -c notify -n "__fish_notify_using_subcommand silence; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l id -d 'Only the deliveries of this event id (`send --id`)' -r
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l event -d 'Only the deliveries of this event name (`send --event`)' -r
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l recipient -d 'Only the deliveries to this user' -r
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l channel -d 'Only the deliveries through this channel kind' -r -f -a "dingtalk\t'DingTalk Standard Edition'
dingtalk-exclusive\t'DingTalk Exclusive Edition'
feishu\t'Feishu'
lark\t'Lark'
lark-mobile\t'Mobile phone (Lark)'
dingtalk-bot\t'DingTalk chatbot'
wecom-bot\t'WeCom chatbot'
email\t'Email address'
sms\t'Text message'
webhook\t'Custom webhook'"
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l outcome -d 'Only the deliveries with this outcome (queued, dead: the relay\'s queue)' -r -f -a "delivered\t''
failed\t''
skipped\t''
queued\t'Waiting in the relay\'s queue for an attempt'
dead\t'Given up by the relay (its last error is shown)'"
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l since -d 'Only entries since: a duration back from now (90m, 2h, 3d, 1w) or an RFC 3339 time' -r
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l limit -d 'Show at most this many entries (the newest)' -r
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l all-attempts -d 'Every recorded attempt of each destination (by default only its latest state: one row each)'
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -f -a "prune" -d 'Delete delivery log entries older than a duration or a time (nothing is ever pruned otherwise)'
complete -c notify -n "__fish_notify_using_subcommand log; and not __fish_seen_subcommand_from prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -l older-than -d 'Delete entries older than this: a duration back from now (90m, 2h, 3d, 1w) or an RFC 3339 time' -r
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete delivery log entries older than a duration or a time (nothing is ever pruned otherwise)'
complete -c notify -n "__fish_notify_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand retry" -l id -d 'Only the deliveries of this event id (`send --id`)' -r
complete -c notify -n "__fish_notify_using_subcommand retry" -l since -d 'Only deliveries that failed since: a duration back from now (90m, 2h, 3d, 1w) or an RFC 3339 time' -r
complete -c notify -n "__fish_notify_using_subcommand retry" -l timeout -d 'How long one attempt may take: 30s, 2m, ... (a bare number is seconds; at most a day)' -r
complete -c notify -n "__fish_notify_using_subcommand retry" -l deadline -d 'How long the whole send may take, retries and robot pacing included: 30s, 5m, ... (a bare number is seconds; at most a day)' -r
complete -c notify -n "__fish_notify_using_subcommand retry" -l retries -d 'Retries after a retryable failure (rate limit, 5xx, dropped connection)' -r
complete -c notify -n "__fish_notify_using_subcommand retry" -l concurrency -d 'Deliveries in flight at once: a destination, or a vendor batch of many recipients, is one (connections to each host are reused)' -r
complete -c notify -n "__fish_notify_using_subcommand retry" -l retry-base-ms -d 'First retry delay in milliseconds (doubles each retry, with jitter)' -r
complete -c notify -n "__fish_notify_using_subcommand retry" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand retry" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand retry" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand retry" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand retry" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand retry" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand retry" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand retry" -l dry-run -d 'Print every request as it would be sent (signed, secrets masked) and send nothing'
complete -c notify -n "__fish_notify_using_subcommand retry" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand retry" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand retry" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand retry" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand retry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand retry" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -s h -l help -d 'Print help'
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -f -a "migrate" -d 'Move every secret the store holds as given into the OS keyring or into files'
complete -c notify -n "__fish_notify_using_subcommand secret; and not __fish_seen_subcommand_from migrate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -l to -d 'Where the secrets go: `keyring`, or `file:DIR` [default: keyring where there is one]' -r
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from migrate" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Move every secret the store holds as given into the OS keyring or into files'
complete -c notify -n "__fish_notify_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand completions" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand completions" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand completions" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand completions" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand completions" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand completions" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand completions" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand completions" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand completions" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand completions" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand completions" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand doctor" -l store -d 'The TOML store [default: <user config dir>/notify/store.toml]' -r -F
complete -c notify -n "__fish_notify_using_subcommand doctor" -l log -d 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand doctor" -l log-password-env -d 'The PostgreSQL log\'s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)' -r
complete -c notify -n "__fish_notify_using_subcommand doctor" -l log-password-file -d 'The PostgreSQL log\'s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)' -r -F
complete -c notify -n "__fish_notify_using_subcommand doctor" -l log-ca-file -d 'A private CA (PEM) the PostgreSQL log\'s server certificate is checked against, besides the platform\'s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)' -r -F
complete -c notify -n "__fish_notify_using_subcommand doctor" -s u -l user -d 'Whose profile a channel command acts on [default: the store\'s default_user, else the login name]' -r
complete -c notify -n "__fish_notify_using_subcommand doctor" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c notify -n "__fish_notify_using_subcommand doctor" -l offline -d 'Skip every check that uses the network (tokens, SMTP login, TLS handshakes)'
complete -c notify -n "__fish_notify_using_subcommand doctor" -l json -d 'Machine-readable output on stdout (stable field names)'
complete -c notify -n "__fish_notify_using_subcommand doctor" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c notify -n "__fish_notify_using_subcommand doctor" -s q -l quiet -d 'Print less on stderr'
complete -c notify -n "__fish_notify_using_subcommand doctor" -s v -l verbose -d 'Print more detail on stderr (never secrets)'
complete -c notify -n "__fish_notify_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c notify -n "__fish_notify_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "channel" -d 'Configure, verify, enable and test your own channels'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "user" -d 'Manage users and their channels as an administrator'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "notice" -d 'Notice Management: which channel kinds users may use at all'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "provider" -d 'Credentials of the apps and servers that deliver messages'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "rule" -d 'Notification rules: which events notify whom, through which channel kinds'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "send" -d 'Send a notification through every enabled channel of the recipients (and ad-hoc destinations)'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "emit" -d 'Notify whoever an event\'s rule names, through their channels'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "template" -d 'Message templates: see what each channel would get'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "listen" -d 'Receive custom-webhook deliveries on loopback and check their signatures'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "serve" -d 'The relay: take events over HTTP, queue them durably, deliver them through the rules'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "queue" -d 'List the events that wait in the relay\'s queue'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "cancel" -d 'Withdraw a waiting event from the relay\'s queue'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "ack" -d 'Acknowledge an event: the escalation steps that have not fired yet are stopped'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "mute" -d 'Mute windows: times of day when rules and users\' quiet hours hold deliveries'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "silence" -d 'Silences: hush matching deliveries for a while'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "log" -d 'Show the delivery log: each destination\'s outcome of every send, newest first'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "retry" -d 'Send again every logged delivery whose latest outcome is failed'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "secret" -d 'Secrets kept outside the store: move them to the OS keyring or to files'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "completions" -d 'Print a completion script for a shell'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "doctor" -d 'Check the store, providers, channels and the delivery log; send nothing'
complete -c notify -n "__fish_notify_using_subcommand help; and not __fish_seen_subcommand_from channel user notice provider rule send emit template listen serve queue cancel ack mute silence log retry secret completions doctor help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "list" -d 'List every channel kind for the user: configured, verified, enabled, available (Notice Management)'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "show" -d 'Show one channel of the user; secrets and tokens in webhook URLs are masked unless --reveal'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "set" -d 'Configure one of your channels (only the fields given change; the rest keep their values)'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "remove" -d 'Remove a channel from the user\'s profile (its fields, state and any pending code)'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "enable" -d 'Select channels for delivery'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "disable" -d 'Stop delivering through channels (their configuration is kept)'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "verify" -d 'Prove a channel\'s destination so that it can be enabled'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "test" -d 'Send a test message through one of your channels now (enabled or not)'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "list" -d 'List users with their roles and enabled channels (--json: every channel with its fields, secrets masked)'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "show" -d 'Show one user and every channel they have configured'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "add" -d 'Add a user'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "modify" -d 'Change a user\'s details and channels as an administrator, all together or not at all'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "remove" -d 'Remove a user and all their channels'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "import" -d 'Create or update many users from CSV or TOML, all or nothing'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from notice" -f -a "list" -d 'Show which channel kinds are switched on for everyone'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from notice" -f -a "enable" -d 'Switch channel kinds on: users may configure and enable them'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from notice" -f -a "disable" -d 'Switch channel kinds off: `channel set` and `channel enable` refuse them and sends skip them'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from provider" -f -a "list" -d 'List the providers and whether each is configured'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from provider" -f -a "show" -d 'Show a provider\'s settings (secrets masked unless --reveal; defaults marked)'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from provider" -f -a "set" -d 'Configure a provider\'s credentials (only the fields given change)'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "list" -d 'List every event\'s rule, grouped by category'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "show" -d 'Show one event\'s rule, with its description, its message template and the parts the store cannot serve'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "enable" -d 'Turn rules on: their events notify again'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "disable" -d 'Turn rules off: their events notify nobody'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "set" -d 'Change who a rule reaches, through which channel kinds and with which message (only the parts given change)'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "reset" -d 'Put a rule back to its default: on, no optional roles, no additional users, every channel kind'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "add" -d 'Add a custom event, with a rule at its default'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "remove" -d 'Remove a custom event and its rule (built-in events can only be reset or disabled)'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from template" -f -a "render" -d 'Show what each channel would get for an event, sending nothing'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from mute" -f -a "set" -d 'Add or replace a mute window: times of day in a time zone, on some weekdays'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from mute" -f -a "list" -d 'List the mute windows, and the rules and users that use each'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from mute" -f -a "remove" -d 'Remove a mute window that no rule or user uses any more'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from silence" -f -a "add" -d 'Silence matching deliveries for a while: they are logged skipped, reason `silenced (ID: COMMENT)`'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from silence" -f -a "list" -d 'List the silences that hold now (with --all, ended ones too)'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from silence" -f -a "expire" -d 'End a silence now: matching deliveries go out again'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "prune" -d 'Delete delivery log entries older than a duration or a time (nothing is ever pruned otherwise)'
complete -c notify -n "__fish_notify_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "migrate" -d 'Move every secret the store holds as given into the OS keyring or into files'
