
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'notify' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'notify'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'notify' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('channel', 'channel', [CompletionResultType]::ParameterValue, 'Configure, verify, enable and test your own channels')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Manage users and their channels as an administrator')
            [CompletionResult]::new('notice', 'notice', [CompletionResultType]::ParameterValue, 'Notice Management: which channel kinds users may use at all')
            [CompletionResult]::new('provider', 'provider', [CompletionResultType]::ParameterValue, 'Credentials of the apps and servers that deliver messages')
            [CompletionResult]::new('rule', 'rule', [CompletionResultType]::ParameterValue, 'Notification rules: which events notify whom, through which channel kinds')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a notification through every enabled channel of the recipients (and ad-hoc destinations)')
            [CompletionResult]::new('emit', 'emit', [CompletionResultType]::ParameterValue, 'Notify whoever an event''s rule names, through their channels')
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Message templates: see what each channel would get')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive custom-webhook deliveries on loopback and check their signatures')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'The relay: take events over HTTP, queue them durably, deliver them through the rules')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'List the events that wait in the relay''s queue')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Withdraw a waiting event from the relay''s queue')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge an event: the escalation steps that have not fired yet are stopped')
            [CompletionResult]::new('mute', 'mute', [CompletionResultType]::ParameterValue, 'Mute windows: times of day when rules and users'' quiet hours hold deliveries')
            [CompletionResult]::new('silence', 'silence', [CompletionResultType]::ParameterValue, 'Silences: hush matching deliveries for a while')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show the delivery log: each destination''s outcome of every send, newest first')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Send again every logged delivery whose latest outcome is failed')
            [CompletionResult]::new('secret', 'secret', [CompletionResultType]::ParameterValue, 'Secrets kept outside the store: move them to the OS keyring or to files')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a completion script for a shell')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the store, providers, channels and the delivery log; send nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;channel' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every channel kind for the user: configured, verified, enabled, available (Notice Management)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one channel of the user; secrets and tokens in webhook URLs are masked unless --reveal')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Configure one of your channels (only the fields given change; the rest keep their values)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a channel from the user''s profile (its fields, state and any pending code)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Select channels for delivery')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop delivering through channels (their configuration is kept)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Prove a channel''s destination so that it can be enabled')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message through one of your channels now (enabled or not)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;channel;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;channel;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Print secrets and webhook tokens in full')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;channel;set' {
            [CompletionResult]::new('--mobile', '--mobile', [CompletionResultType]::ParameterName, 'Mobile number (dingtalk, feishu, lark, lark-mobile, sms)')
            [CompletionResult]::new('--employee-id', '--employee-id', [CompletionResultType]::ParameterName, 'Employee ID (dingtalk-exclusive)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address (lark)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Email address (email)')
            [CompletionResult]::new('--webhook', '--webhook', [CompletionResultType]::ParameterName, 'Robot webhook URL (dingtalk-bot, wecom-bot)')
            [CompletionResult]::new('--keyword', '--keyword', [CompletionResultType]::ParameterName, 'Keyword the DingTalk robot checks; every message will contain it (dingtalk-bot)')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Robot signing secret, SEC... (dingtalk-bot)')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Store a reference to an environment variable holding the robot signing secret')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the robot signing secret from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Endpoint URL (webhook)')
            [CompletionResult]::new('--signature-method', '--signature-method', [CompletionResultType]::ParameterName, 'NONE, HMAC_SHA1, HMAC_SHA256 or STANDARD (Standard Webhooks: a whsec_ or raw key) (webhook)')
            [CompletionResult]::new('--signature-key', '--signature-key', [CompletionResultType]::ParameterName, 'Signing key (webhook; required unless the method is NONE)')
            [CompletionResult]::new('--signature-key-env', '--signature-key-env', [CompletionResultType]::ParameterName, 'Store a reference to an environment variable holding the signing key')
            [CompletionResult]::new('--signature-key-file', '--signature-key-file', [CompletionResultType]::ParameterName, 'Read the signing key from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM file of CA certificates trusted for this endpoint, in addition to the system''s (dingtalk-bot, wecom-bot, webhook)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the robot signing secret from one line of stdin')
            [CompletionResult]::new('--secret-keyring', '--secret-keyring', [CompletionResultType]::ParameterName, 'Keep the robot signing secret in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --secret or --secret-stdin or asked for; the store keeps only the entry''s name, `notify/users.<user>.channels.dingtalk-bot.secret@<store path>`')
            [CompletionResult]::new('--signature-key-stdin', '--signature-key-stdin', [CompletionResultType]::ParameterName, 'Read the signing key from one line of stdin')
            [CompletionResult]::new('--signature-key-keyring', '--signature-key-keyring', [CompletionResultType]::ParameterName, 'Keep the signing key in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --signature-key or --signature-key-stdin or asked for; the store keeps only the entry''s name, `notify/users.<user>.channels.webhook.signature_key@<store path>`')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;channel;remove' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;channel;enable' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;channel;disable' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;channel;verify' {
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'The code you received')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;channel;test' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The text to send')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The text to send')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one attempt may take: 30s, 2m, ... (a bare number is seconds; at most a day)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'How long the whole send may take, retries and robot pacing included: 30s, 5m, ... (a bare number is seconds; at most a day)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retryable failure (rate limit, 5xx, dropped connection)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Deliveries in flight at once: a destination, or a vendor batch of many recipients, is one (connections to each host are reused)')
            [CompletionResult]::new('--retry-base-ms', '--retry-base-ms', [CompletionResultType]::ParameterName, 'First retry delay in milliseconds (doubles each retry, with jitter)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request instead of sending it')
            [CompletionResult]::new('--no-log', '--no-log', [CompletionResultType]::ParameterName, 'Do not record this run in the delivery log (then --id cannot skip anything)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;channel;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every channel kind for the user: configured, verified, enabled, available (Notice Management)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one channel of the user; secrets and tokens in webhook URLs are masked unless --reveal')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Configure one of your channels (only the fields given change; the rest keep their values)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a channel from the user''s profile (its fields, state and any pending code)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Select channels for delivery')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop delivering through channels (their configuration is kept)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Prove a channel''s destination so that it can be enabled')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message through one of your channels now (enabled or not)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;channel;help;list' {
            break
        }
        'notify;channel;help;show' {
            break
        }
        'notify;channel;help;set' {
            break
        }
        'notify;channel;help;remove' {
            break
        }
        'notify;channel;help;enable' {
            break
        }
        'notify;channel;help;disable' {
            break
        }
        'notify;channel;help;verify' {
            break
        }
        'notify;channel;help;test' {
            break
        }
        'notify;channel;help;help' {
            break
        }
        'notify;user' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users with their roles and enabled channels (--json: every channel with its fields, secrets masked)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user and every channel they have configured')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user')
            [CompletionResult]::new('modify', 'modify', [CompletionResultType]::ParameterValue, 'Change a user''s details and channels as an administrator, all together or not at all')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user and all their channels')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update many users from CSV or TOML, all or nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;user;list' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only users holding this store role (e.g. dba)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Print secrets and webhook tokens in full (with --json)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;user;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Print secrets and webhook tokens in full')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;user;add' {
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'The name shown to people')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'A role (repeatable)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;user;modify' {
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'The name shown to people')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Replace the user''s roles (repeatable)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a channel field: KIND.FIELD=VALUE (a secret as KIND.FIELD_env=VAR keeps only a reference)')
            [CompletionResult]::new('--enable', '--enable', [CompletionResultType]::ParameterName, 'Mark a channel verified and enable it (repeatable)')
            [CompletionResult]::new('--disable', '--disable', [CompletionResultType]::ParameterName, 'Disable a channel (repeatable)')
            [CompletionResult]::new('--quiet-hours', '--quiet-hours', [CompletionResultType]::ParameterName, 'A mute window (`notify mute set`) every delivery to this user waits out (always deferred)')
            [CompletionResult]::new('--fallback', '--fallback', [CompletionResultType]::ParameterName, 'Channel kinds to try in this order, the first that delivers (comma-separated)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--create', '--create', [CompletionResultType]::ParameterName, 'Create the user when it does not exist')
            [CompletionResult]::new('--no-quiet-hours', '--no-quiet-hours', [CompletionResultType]::ParameterName, 'Remove the user''s quiet hours')
            [CompletionResult]::new('--no-fallback', '--no-fallback', [CompletionResultType]::ParameterName, 'Deliver through every enabled channel again')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;user;remove' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;user;import' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The format, when the file name does not tell')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;user;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users with their roles and enabled channels (--json: every channel with its fields, secrets masked)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user and every channel they have configured')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user')
            [CompletionResult]::new('modify', 'modify', [CompletionResultType]::ParameterValue, 'Change a user''s details and channels as an administrator, all together or not at all')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user and all their channels')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update many users from CSV or TOML, all or nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;user;help;list' {
            break
        }
        'notify;user;help;show' {
            break
        }
        'notify;user;help;add' {
            break
        }
        'notify;user;help;modify' {
            break
        }
        'notify;user;help;remove' {
            break
        }
        'notify;user;help;import' {
            break
        }
        'notify;user;help;help' {
            break
        }
        'notify;notice' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show which channel kinds are switched on for everyone')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Switch channel kinds on: users may configure and enable them')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Switch channel kinds off: `channel set` and `channel enable` refuse them and sends skip them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;notice;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;notice;enable' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;notice;disable' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;notice;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show which channel kinds are switched on for everyone')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Switch channel kinds on: users may configure and enable them')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Switch channel kinds off: `channel set` and `channel enable` refuse them and sends skip them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;notice;help;list' {
            break
        }
        'notify;notice;help;enable' {
            break
        }
        'notify;notice;help;disable' {
            break
        }
        'notify;notice;help;help' {
            break
        }
        'notify;provider' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the providers and whether each is configured')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a provider''s settings (secrets masked unless --reveal; defaults marked)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Configure a provider''s credentials (only the fields given change)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;provider;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;provider;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Print secrets in full')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;provider;set' {
            [CompletionResult]::new('--app-key', '--app-key', [CompletionResultType]::ParameterName, 'DingTalk app key')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'Feishu/Lark app id')
            [CompletionResult]::new('--app-secret', '--app-secret', [CompletionResultType]::ParameterName, 'App secret (dingtalk, feishu, lark)')
            [CompletionResult]::new('--app-secret-env', '--app-secret-env', [CompletionResultType]::ParameterName, 'Store a reference to an environment variable holding the app secret')
            [CompletionResult]::new('--app-secret-file', '--app-secret-file', [CompletionResultType]::ParameterName, 'Read the app secret from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path')
            [CompletionResult]::new('--agent-id', '--agent-id', [CompletionResultType]::ParameterName, 'DingTalk agent id (a number)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'API base URL (https; http only for loopback)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'SMTP host')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'SMTP port [default: 465 for tls, 587 for starttls, 25 for none]')
            [CompletionResult]::new('--security', '--security', [CompletionResultType]::ParameterName, 'SMTP security: tls (implicit), starttls (required), none (loopback only)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'SMTP user name')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'SMTP password')
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'Store a reference to an environment variable holding the SMTP password')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the SMTP password from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Sender: a mailbox for smtp (`DMS <dms@example.com>`), a number or messaging service for twilio')
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'SMS vendor: aliyun or twilio')
            [CompletionResult]::new('--access-key-id', '--access-key-id', [CompletionResultType]::ParameterName, 'Alibaba Cloud AccessKey ID')
            [CompletionResult]::new('--access-key-secret', '--access-key-secret', [CompletionResultType]::ParameterName, 'Alibaba Cloud AccessKey secret')
            [CompletionResult]::new('--access-key-secret-env', '--access-key-secret-env', [CompletionResultType]::ParameterName, 'Store a reference to an environment variable holding the AccessKey secret')
            [CompletionResult]::new('--access-key-secret-file', '--access-key-secret-file', [CompletionResultType]::ParameterName, 'Read the AccessKey secret from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path')
            [CompletionResult]::new('--sign-name', '--sign-name', [CompletionResultType]::ParameterName, 'Alibaba SMS signature name')
            [CompletionResult]::new('--template-code', '--template-code', [CompletionResultType]::ParameterName, 'Alibaba SMS template for notifications (template parameter `content`)')
            [CompletionResult]::new('--verify-template-code', '--verify-template-code', [CompletionResultType]::ParameterName, 'Alibaba SMS template for verification codes (template parameter `code`)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Alibaba region [default: cn-hangzhou]')
            [CompletionResult]::new('--account-sid', '--account-sid', [CompletionResultType]::ParameterName, 'Twilio account SID')
            [CompletionResult]::new('--auth-token', '--auth-token', [CompletionResultType]::ParameterName, 'Twilio auth token')
            [CompletionResult]::new('--auth-token-env', '--auth-token-env', [CompletionResultType]::ParameterName, 'Store a reference to an environment variable holding the Twilio auth token')
            [CompletionResult]::new('--auth-token-file', '--auth-token-file', [CompletionResultType]::ParameterName, 'Read the Twilio auth token from this file each time it is used (mode 0600 or stricter; a trailing newline is dropped); the store keeps the path')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM file of CA certificates trusted for this provider''s connections, besides the system''s')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--app-secret-stdin', '--app-secret-stdin', [CompletionResultType]::ParameterName, 'Read the app secret from one line of stdin')
            [CompletionResult]::new('--app-secret-keyring', '--app-secret-keyring', [CompletionResultType]::ParameterName, 'Keep the app secret in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --app-secret or --app-secret-stdin or asked for; the store keeps only the entry''s name, `notify/providers.<dingtalk|feishu|lark>.app_secret@<store path>`')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the SMTP password from one line of stdin')
            [CompletionResult]::new('--password-keyring', '--password-keyring', [CompletionResultType]::ParameterName, 'Keep the SMTP password in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --password or --password-stdin or asked for; the store keeps only the entry''s name, `notify/providers.smtp.password@<store path>`')
            [CompletionResult]::new('--access-key-secret-stdin', '--access-key-secret-stdin', [CompletionResultType]::ParameterName, 'Read the AccessKey secret from one line of stdin')
            [CompletionResult]::new('--access-key-secret-keyring', '--access-key-secret-keyring', [CompletionResultType]::ParameterName, 'Keep the AccessKey secret in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --access-key-secret or --access-key-secret-stdin or asked for; the store keeps only the entry''s name, `notify/providers.sms.access_key_secret@<store path>`')
            [CompletionResult]::new('--auth-token-stdin', '--auth-token-stdin', [CompletionResultType]::ParameterName, 'Read the Twilio auth token from one line of stdin')
            [CompletionResult]::new('--auth-token-keyring', '--auth-token-keyring', [CompletionResultType]::ParameterName, 'Keep the Twilio auth token in the OS keyring (Secret Service on Linux, Keychain on macOS), given with --auth-token or --auth-token-stdin or asked for; the store keeps only the entry''s name, `notify/providers.sms.auth_token@<store path>`')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;provider;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the providers and whether each is configured')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a provider''s settings (secrets masked unless --reveal; defaults marked)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Configure a provider''s credentials (only the fields given change)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;provider;help;list' {
            break
        }
        'notify;provider;help;show' {
            break
        }
        'notify;provider;help;set' {
            break
        }
        'notify;provider;help;help' {
            break
        }
        'notify;rule' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every event''s rule, grouped by category')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one event''s rule, with its description, its message template and the parts the store cannot serve')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn rules on: their events notify again')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn rules off: their events notify nobody')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change who a rule reaches, through which channel kinds and with which message (only the parts given change)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Put a rule back to its default: on, no optional roles, no additional users, every channel kind')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a custom event, with a rule at its default')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a custom event and its rule (built-in events can only be reset or disabled)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;rule;list' {
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Only events of this category (ticket, task-flow, data-warehouse, or a custom one)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'Only rules that are on')
            [CompletionResult]::new('--disabled', '--disabled', [CompletionResultType]::ParameterName, 'Only rules that are off')
            [CompletionResult]::new('--matrix', '--matrix', [CompletionResultType]::ParameterName, 'Events against channel kinds: which kinds each rule delivers through')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;rule;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;rule;enable' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;rule;disable' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;rule;set' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'An optional role (repeatable; replaces the rule''s roles)')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'An additional user (repeatable; replaces the rule''s users)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'A channel kind the rule goes through (repeatable; replaces the rule''s kinds)')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Store the message template in FILE (- for stdin), checked before it is saved')
            [CompletionResult]::new('--mute', '--mute', [CompletionResultType]::ParameterName, 'A mute window (`notify mute set`) the rule waits out (repeatable; replaces the rule''s windows)')
            [CompletionResult]::new('--on-mute', '--on-mute', [CompletionResultType]::ParameterName, 'What a delivery inside a mute window does: defer (held until the window ends) or drop (logged skipped)')
            [CompletionResult]::new('--escalate', '--escalate', [CompletionResultType]::ParameterName, 'After AFTER unacknowledged, also notify these roles through the rule''s channels (repeatable, e.g. 30m:dba; replaces the rule''s steps; `notify serve` only)')
            [CompletionResult]::new('--group-by', '--group-by', [CompletionResultType]::ParameterName, 'Group events of this rule with the same values of these fields into one message (repeatable: task_id, task_name, submitter, event, module; `notify serve` only)')
            [CompletionResult]::new('--group-wait', '--group-wait', [CompletionResultType]::ParameterName, 'How long a group collects events after its first one (e.g. 30s; with --group-by)')
            [CompletionResult]::new('--repeat-interval', '--repeat-interval', [CompletionResultType]::ParameterName, 'After a group was sent, the same group is not sent again sooner than this (e.g. 4h; with --group-by)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-roles', '--no-roles', [CompletionResultType]::ParameterName, 'Remove every optional role (the default role stays)')
            [CompletionResult]::new('--no-recipients', '--no-recipients', [CompletionResultType]::ParameterName, 'Remove every additional user')
            [CompletionResult]::new('--all-channels', '--all-channels', [CompletionResultType]::ParameterName, 'Go through every channel kind again')
            [CompletionResult]::new('--no-template', '--no-template', [CompletionResultType]::ParameterName, 'Remove the rule''s template: back to the built-in message')
            [CompletionResult]::new('--no-mute', '--no-mute', [CompletionResultType]::ParameterName, 'Remove the rule''s mute windows')
            [CompletionResult]::new('--no-escalate', '--no-escalate', [CompletionResultType]::ParameterName, 'Remove the rule''s escalation steps')
            [CompletionResult]::new('--no-grouping', '--no-grouping', [CompletionResultType]::ParameterName, 'Send each event on its own again')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;rule;reset' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;rule;add' {
            [CompletionResult]::new('--default-role', '--default-role', [CompletionResultType]::ParameterName, 'Who the event always reaches')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What happened, in a sentence (also the default message) [default: the id''s words]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;rule;remove' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;rule;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every event''s rule, grouped by category')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one event''s rule, with its description, its message template and the parts the store cannot serve')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn rules on: their events notify again')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn rules off: their events notify nobody')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change who a rule reaches, through which channel kinds and with which message (only the parts given change)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Put a rule back to its default: on, no optional roles, no additional users, every channel kind')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a custom event, with a rule at its default')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a custom event and its rule (built-in events can only be reset or disabled)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;rule;help;list' {
            break
        }
        'notify;rule;help;show' {
            break
        }
        'notify;rule;help;enable' {
            break
        }
        'notify;rule;help;disable' {
            break
        }
        'notify;rule;help;set' {
            break
        }
        'notify;rule;help;reset' {
            break
        }
        'notify;rule;help;add' {
            break
        }
        'notify;rule;help;remove' {
            break
        }
        'notify;rule;help;help' {
            break
        }
        'notify;send' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'A stored user to notify (repeatable)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only use these channel kinds of the recipients (repeatable)')
            [CompletionResult]::new('--webhook', '--webhook', [CompletionResultType]::ParameterName, 'Ad-hoc custom webhook URL (repeatable)')
            [CompletionResult]::new('--signature-method', '--signature-method', [CompletionResultType]::ParameterName, 'Signature method for --webhook: NONE, HMAC_SHA1, HMAC_SHA256 or STANDARD (Standard Webhooks)')
            [CompletionResult]::new('--signature-key', '--signature-key', [CompletionResultType]::ParameterName, 'Signing key for --webhook')
            [CompletionResult]::new('--signature-key-env', '--signature-key-env', [CompletionResultType]::ParameterName, 'Read the --webhook signing key from this environment variable')
            [CompletionResult]::new('--signature-key-file', '--signature-key-file', [CompletionResultType]::ParameterName, 'Read the --webhook signing key from this file (mode 0600 or stricter; a trailing newline is dropped)')
            [CompletionResult]::new('--dingtalk-bot', '--dingtalk-bot', [CompletionResultType]::ParameterName, 'Ad-hoc DingTalk chatbot webhook URL (repeatable)')
            [CompletionResult]::new('--keyword', '--keyword', [CompletionResultType]::ParameterName, 'Keyword for --dingtalk-bot')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret (SEC...) for --dingtalk-bot')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Read the --dingtalk-bot secret from this environment variable')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the --dingtalk-bot secret from this file (mode 0600 or stricter; a trailing newline is dropped)')
            [CompletionResult]::new('--wecom-bot', '--wecom-bot', [CompletionResultType]::ParameterName, 'Ad-hoc WeCom chatbot webhook URL (repeatable)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Ad-hoc email address, sent through the smtp provider (repeatable)')
            [CompletionResult]::new('--sms', '--sms', [CompletionResultType]::ParameterName, 'Ad-hoc mobile number, sent through the sms provider (repeatable)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The message text')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The message text')
            [CompletionResult]::new('--message-file', '--message-file', [CompletionResultType]::ParameterName, 'Read the message from a file, or - for stdin')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Email subject and chat heading [default: "[DMS] " and the event name or the message''s first line]')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'A MiniJinja (Jinja2) template whose output is the message in Markdown (- for stdin); it overrides the rule''s template and the message text')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'The ticket''s page: a button or a link wherever the channel has one')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'auto: each channel''s rich format (Markdown, cards, HTML email); text: plain text everywhere')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'The DMS event name, e.g. TicketApproval')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'The DMS event category')
            [CompletionResult]::new('--module', '--module', [CompletionResultType]::ParameterName, 'The DMS module')
            [CompletionResult]::new('--task-id', '--task-id', [CompletionResultType]::ParameterName, 'The task''s ID')
            [CompletionResult]::new('--task-name', '--task-name', [CompletionResultType]::ParameterName, 'The task''s name')
            [CompletionResult]::new('--submitter', '--submitter', [CompletionResultType]::ParameterName, 'The submitter''s user name (their display name comes from the store)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one attempt may take: 30s, 2m, ... (a bare number is seconds; at most a day)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'How long the whole send may take, retries and robot pacing included: 30s, 5m, ... (a bare number is seconds; at most a day)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retryable failure (rate limit, 5xx, dropped connection)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Deliveries in flight at once: a destination, or a vendor batch of many recipients, is one (connections to each host are reused)')
            [CompletionResult]::new('--retry-base-ms', '--retry-base-ms', [CompletionResultType]::ParameterName, 'First retry delay in milliseconds (doubles each retry, with jitter)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The event''s id: 1-64 letters, digits, `.`, `_`, `-`, `:` [default: a fresh UUID]. Repeating a run with an id the log holds delivers only what was not delivered yet, with the same idempotency keys')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--all-users', '--all-users', [CompletionResultType]::ParameterName, 'Notify every stored user')
            [CompletionResult]::new('--signature-key-stdin', '--signature-key-stdin', [CompletionResultType]::ParameterName, 'Read the --webhook signing key from one line of stdin')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the --dingtalk-bot secret from one line of stdin')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print every request as it would be sent (signed, secrets masked) and send nothing')
            [CompletionResult]::new('--no-log', '--no-log', [CompletionResultType]::ParameterName, 'Do not record this run in the delivery log (then --id cannot skip anything)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;emit' {
            [CompletionResult]::new('--submitter', '--submitter', [CompletionResultType]::ParameterName, 'The ticket''s submitter or the flow''s owner')
            [CompletionResult]::new('--approver', '--approver', [CompletionResultType]::ParameterName, 'The current approval node''s users (repeatable)')
            [CompletionResult]::new('--related', '--related', [CompletionResultType]::ParameterName, 'The ticket''s related people (repeatable)')
            [CompletionResult]::new('--data-owner', '--data-owner', [CompletionResultType]::ParameterName, 'The data owners (repeatable)')
            [CompletionResult]::new('--instance-dba', '--instance-dba', [CompletionResultType]::ParameterName, 'The instance''s DBAs (repeatable)')
            [CompletionResult]::new('--task-id', '--task-id', [CompletionResultType]::ParameterName, 'The task''s ID')
            [CompletionResult]::new('--task-name', '--task-name', [CompletionResultType]::ParameterName, 'The task''s name')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Email subject and chat heading [default: "[DMS] " and the event''s description]')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The message text [default: the event''s description, the task and the submitter]')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The message text [default: the event''s description, the task and the submitter]')
            [CompletionResult]::new('--message-file', '--message-file', [CompletionResultType]::ParameterName, 'Read the message from a file, or - for stdin')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'A MiniJinja (Jinja2) template whose output is the message in Markdown (- for stdin); it overrides the rule''s template and the message text')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'The ticket''s page: a button or a link wherever the channel has one')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'auto: each channel''s rich format (Markdown, cards, HTML email); text: plain text everywhere')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only use these channel kinds of the recipients (repeatable)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one attempt may take: 30s, 2m, ... (a bare number is seconds; at most a day)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'How long the whole send may take, retries and robot pacing included: 30s, 5m, ... (a bare number is seconds; at most a day)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retryable failure (rate limit, 5xx, dropped connection)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Deliveries in flight at once: a destination, or a vendor batch of many recipients, is one (connections to each host are reused)')
            [CompletionResult]::new('--retry-base-ms', '--retry-base-ms', [CompletionResultType]::ParameterName, 'First retry delay in milliseconds (doubles each retry, with jitter)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The event''s id: 1-64 letters, digits, `.`, `_`, `-`, `:` [default: a fresh UUID]. Repeating a run with an id the log holds delivers only what was not delivered yet, with the same idempotency keys')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Queue the event for a `notify serve` on the same log to send at this RFC 3339 time; prints its id')
            [CompletionResult]::new('--in', '--in', [CompletionResultType]::ParameterName, 'Queue the event for a `notify serve` on the same log to send after this long (10m, 2h); prints its id')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print every request as it would be sent (signed, secrets masked) and send nothing')
            [CompletionResult]::new('--no-log', '--no-log', [CompletionResultType]::ParameterName, 'Do not record this run in the delivery log (then --id cannot skip anything)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;template' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Show what each channel would get for an event, sending nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;template;render' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only these channel kinds (repeatable) [default: dingtalk-bot wecom-bot dingtalk feishu email sms webhook]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The stored user whose copy to show')
            [CompletionResult]::new('--submitter', '--submitter', [CompletionResultType]::ParameterName, 'The ticket''s submitter or the flow''s owner')
            [CompletionResult]::new('--approver', '--approver', [CompletionResultType]::ParameterName, 'The current approval node''s users (repeatable)')
            [CompletionResult]::new('--related', '--related', [CompletionResultType]::ParameterName, 'The ticket''s related people (repeatable)')
            [CompletionResult]::new('--data-owner', '--data-owner', [CompletionResultType]::ParameterName, 'The data owners (repeatable)')
            [CompletionResult]::new('--instance-dba', '--instance-dba', [CompletionResultType]::ParameterName, 'The instance''s DBAs (repeatable)')
            [CompletionResult]::new('--task-id', '--task-id', [CompletionResultType]::ParameterName, 'The task''s ID')
            [CompletionResult]::new('--task-name', '--task-name', [CompletionResultType]::ParameterName, 'The task''s name')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Email subject and chat heading [default: "[DMS] " and the event''s description]')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The message text [default: the event''s description, the task and the submitter]')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The message text [default: the event''s description, the task and the submitter]')
            [CompletionResult]::new('--message-file', '--message-file', [CompletionResultType]::ParameterName, 'Read the message from a file, or - for stdin')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'A MiniJinja (Jinja2) template whose output is the message in Markdown (- for stdin); it overrides the rule''s template and the message text')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'The ticket''s page: a button or a link wherever the channel has one')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'auto: each channel''s rich format (Markdown, cards, HTML email); text: plain text everywhere')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;template;help' {
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Show what each channel would get for an event, sending nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;template;help;render' {
            break
        }
        'notify;template;help;help' {
            break
        }
        'notify;listen' {
            [CompletionResult]::new('--addr', '--addr', [CompletionResultType]::ParameterName, 'Where to listen: IP:PORT, localhost:PORT or just PORT; port 0 picks a free port (printed on stderr)')
            [CompletionResult]::new('--signature-method', '--signature-method', [CompletionResultType]::ParameterName, 'How deliveries must be signed: the sender''s --signature-method [default: NONE]')
            [CompletionResult]::new('--signature-key', '--signature-key', [CompletionResultType]::ParameterName, 'A signing key; repeat it during a key rotation (other local users can see it in the process list: prefer -env or -stdin). STANDARD takes a whsec_ key as the sender shows it, or a raw one')
            [CompletionResult]::new('--signature-key-env', '--signature-key-env', [CompletionResultType]::ParameterName, 'Read a signing key from this environment variable (repeatable)')
            [CompletionResult]::new('--signature-key-file', '--signature-key-file', [CompletionResultType]::ParameterName, 'Read a signing key from this file, which only you may read (mode 0600; repeatable)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Exit (0) after N accepted events; rejected requests and repeats do not count')
            [CompletionResult]::new('--read-timeout-ms', '--read-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request may take to arrive, and an idle connection may stay open, in milliseconds')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections served at once; more wait for a free place')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--allow-remote', '--allow-remote', [CompletionResultType]::ParameterName, 'Allow an address that is not loopback (plain HTTP: anyone on the way can read the deliveries)')
            [CompletionResult]::new('--signature-key-stdin', '--signature-key-stdin', [CompletionResultType]::ParameterName, 'Read a signing key from one line of stdin')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;serve' {
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Where to listen: IP:PORT, localhost:PORT or PORT; port 0 picks a free port (printed on stderr)')
            [CompletionResult]::new('--auth-token-env', '--auth-token-env', [CompletionResultType]::ParameterName, 'Accept `Authorization: Bearer <token>` with the token in this environment variable (repeatable)')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Deliveries attempted at once, across all events (robot pacing and app rate limits are shared)')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'A destination is dead after this many attempts')
            [CompletionResult]::new('--give-up-after', '--give-up-after', [CompletionResultType]::ParameterName, 'A destination is dead when its next attempt would come later than this after the event arrived')
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'How long a stop waits for the attempts in flight')
            [CompletionResult]::new('--lease', '--lease', [CompletionResultType]::ParameterName, 'How long a claimed event stays with its worker (longer than any attempt)')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'The relay''s address as people reach it, for ack links (default: the bound address)')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'How often idle workers look for work nobody announced (a retry''s time, a lease that ended) [default: 200ms; 1s with a PostgreSQL log, whose commits wake every replica at once]')
            [CompletionResult]::new('--ack-key-file', '--ack-key-file', [CompletionResultType]::ParameterName, 'The key that signs ack links (a file of mode 0600); replicas on one database share it')
            [CompletionResult]::new('--signature-method', '--signature-method', [CompletionResultType]::ParameterName, 'Accept requests signed as a notify webhook delivery is: X-Notify-Signature over the raw body (HMAC_SHA1, HMAC_SHA256) or Standard Webhooks headers (STANDARD, timestamp within 5 minutes)')
            [CompletionResult]::new('--signature-key-env', '--signature-key-env', [CompletionResultType]::ParameterName, 'The signing key is in this environment variable (repeatable: during a key rotation any key may sign; STANDARD takes a whsec_ key or a raw one)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json-logs', '--json-logs', [CompletionResultType]::ParameterName, 'One JSON object per line on stderr ({"time", "kind", "message", ...}) instead of text')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;queue' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;cancel' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;ack' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who acknowledges (shown in `notify log show`)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;mute' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Add or replace a mute window: times of day in a time zone, on some weekdays')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the mute windows, and the rules and users that use each')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a mute window that no rule or user uses any more')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;mute;set' {
            [CompletionResult]::new('--times', '--times', [CompletionResultType]::ParameterName, 'Spans of the day, HH:MM-HH:MM (comma-separated or repeated)')
            [CompletionResult]::new('--weekdays', '--weekdays', [CompletionResultType]::ParameterName, 'The weekdays a span starts on: mon..sun or runs like mon-fri (comma-separated; default: every day)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'An IANA time zone, e.g. Asia/Shanghai (default: this machine''s)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;mute;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;mute;remove' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;mute;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Add or replace a mute window: times of day in a time zone, on some weekdays')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the mute windows, and the rules and users that use each')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a mute window that no rule or user uses any more')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;mute;help;set' {
            break
        }
        'notify;mute;help;list' {
            break
        }
        'notify;mute;help;remove' {
            break
        }
        'notify;mute;help;help' {
            break
        }
        'notify;silence' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Silence matching deliveries for a while: they are logged skipped, reason `silenced (ID: COMMENT)`')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the silences that hold now (with --all, ended ones too)')
            [CompletionResult]::new('expire', 'expire', [CompletionResultType]::ParameterValue, 'End a silence now: matching deliveries go out again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;silence;add' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'An event id or glob (`ticket.*`) to silence (repeatable)')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'A stored user to silence (repeatable)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'A channel kind to silence (repeatable)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'How long from now, e.g. 30m, 2h, 1d')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Until this RFC 3339 time, e.g. 2026-12-08T08:00:00Z')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'Why (shown in the skipped rows'' reason)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;silence;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show ended (and expired) silences too')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;silence;expire' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;silence;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Silence matching deliveries for a while: they are logged skipped, reason `silenced (ID: COMMENT)`')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the silences that hold now (with --all, ended ones too)')
            [CompletionResult]::new('expire', 'expire', [CompletionResultType]::ParameterValue, 'End a silence now: matching deliveries go out again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;silence;help;add' {
            break
        }
        'notify;silence;help;list' {
            break
        }
        'notify;silence;help;expire' {
            break
        }
        'notify;silence;help;help' {
            break
        }
        'notify;log' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Only the deliveries of this event id (`send --id`)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only the deliveries of this event name (`send --event`)')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'Only the deliveries to this user')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only the deliveries through this channel kind')
            [CompletionResult]::new('--outcome', '--outcome', [CompletionResultType]::ParameterName, 'Only the deliveries with this outcome (queued, dead: the relay''s queue)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only entries since: a duration back from now (90m, 2h, 3d, 1w) or an RFC 3339 time')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many entries (the newest)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--all-attempts', '--all-attempts', [CompletionResultType]::ParameterName, 'Every recorded attempt of each destination (by default only its latest state: one row each)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete delivery log entries older than a duration or a time (nothing is ever pruned otherwise)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;log;prune' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Delete entries older than this: a duration back from now (90m, 2h, 3d, 1w) or an RFC 3339 time')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;log;help' {
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete delivery log entries older than a duration or a time (nothing is ever pruned otherwise)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;log;help;prune' {
            break
        }
        'notify;log;help;help' {
            break
        }
        'notify;retry' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Only the deliveries of this event id (`send --id`)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only deliveries that failed since: a duration back from now (90m, 2h, 3d, 1w) or an RFC 3339 time')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long one attempt may take: 30s, 2m, ... (a bare number is seconds; at most a day)')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'How long the whole send may take, retries and robot pacing included: 30s, 5m, ... (a bare number is seconds; at most a day)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retryable failure (rate limit, 5xx, dropped connection)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Deliveries in flight at once: a destination, or a vendor batch of many recipients, is one (connections to each host are reused)')
            [CompletionResult]::new('--retry-base-ms', '--retry-base-ms', [CompletionResultType]::ParameterName, 'First retry delay in milliseconds (doubles each retry, with jitter)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print every request as it would be sent (signed, secrets masked) and send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;secret' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Move every secret the store holds as given into the OS keyring or into files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;secret;migrate' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where the secrets go: `keyring`, or `file:DIR` [default: keyring where there is one]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;secret;help' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Move every secret the store holds as given into the OS keyring or into files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;secret;help;migrate' {
            break
        }
        'notify;secret;help;help' {
            break
        }
        'notify;completions' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;doctor' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The TOML store [default: <user config dir>/notify/store.toml]')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL database that several hosts share, e.g. postgres://notify@db.example/notify (the password in PGPASSWORD)')
            [CompletionResult]::new('--log-password-env', '--log-password-env', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from this environment variable (when the URL has none; before --log-password-file and PGPASSWORD)')
            [CompletionResult]::new('--log-password-file', '--log-password-file', [CompletionResultType]::ParameterName, 'The PostgreSQL log''s password from the first line of this file, readable by its owner only (when the URL has none; before PGPASSWORD)')
            [CompletionResult]::new('--log-ca-file', '--log-ca-file', [CompletionResultType]::ParameterName, 'A private CA (PEM) the PostgreSQL log''s server certificate is checked against, besides the platform''s roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose profile a channel command acts on [default: the store''s default_user, else the login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Skip every check that uses the network (tokens, SMTP login, TLS handshakes)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output on stdout (stable field names)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print less on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (never secrets)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'notify;help' {
            [CompletionResult]::new('channel', 'channel', [CompletionResultType]::ParameterValue, 'Configure, verify, enable and test your own channels')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Manage users and their channels as an administrator')
            [CompletionResult]::new('notice', 'notice', [CompletionResultType]::ParameterValue, 'Notice Management: which channel kinds users may use at all')
            [CompletionResult]::new('provider', 'provider', [CompletionResultType]::ParameterValue, 'Credentials of the apps and servers that deliver messages')
            [CompletionResult]::new('rule', 'rule', [CompletionResultType]::ParameterValue, 'Notification rules: which events notify whom, through which channel kinds')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a notification through every enabled channel of the recipients (and ad-hoc destinations)')
            [CompletionResult]::new('emit', 'emit', [CompletionResultType]::ParameterValue, 'Notify whoever an event''s rule names, through their channels')
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Message templates: see what each channel would get')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive custom-webhook deliveries on loopback and check their signatures')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'The relay: take events over HTTP, queue them durably, deliver them through the rules')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'List the events that wait in the relay''s queue')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Withdraw a waiting event from the relay''s queue')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge an event: the escalation steps that have not fired yet are stopped')
            [CompletionResult]::new('mute', 'mute', [CompletionResultType]::ParameterValue, 'Mute windows: times of day when rules and users'' quiet hours hold deliveries')
            [CompletionResult]::new('silence', 'silence', [CompletionResultType]::ParameterValue, 'Silences: hush matching deliveries for a while')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show the delivery log: each destination''s outcome of every send, newest first')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Send again every logged delivery whose latest outcome is failed')
            [CompletionResult]::new('secret', 'secret', [CompletionResultType]::ParameterValue, 'Secrets kept outside the store: move them to the OS keyring or to files')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a completion script for a shell')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the store, providers, channels and the delivery log; send nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'notify;help;channel' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every channel kind for the user: configured, verified, enabled, available (Notice Management)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one channel of the user; secrets and tokens in webhook URLs are masked unless --reveal')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Configure one of your channels (only the fields given change; the rest keep their values)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a channel from the user''s profile (its fields, state and any pending code)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Select channels for delivery')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop delivering through channels (their configuration is kept)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Prove a channel''s destination so that it can be enabled')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message through one of your channels now (enabled or not)')
            break
        }
        'notify;help;channel;list' {
            break
        }
        'notify;help;channel;show' {
            break
        }
        'notify;help;channel;set' {
            break
        }
        'notify;help;channel;remove' {
            break
        }
        'notify;help;channel;enable' {
            break
        }
        'notify;help;channel;disable' {
            break
        }
        'notify;help;channel;verify' {
            break
        }
        'notify;help;channel;test' {
            break
        }
        'notify;help;user' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users with their roles and enabled channels (--json: every channel with its fields, secrets masked)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user and every channel they have configured')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user')
            [CompletionResult]::new('modify', 'modify', [CompletionResultType]::ParameterValue, 'Change a user''s details and channels as an administrator, all together or not at all')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user and all their channels')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update many users from CSV or TOML, all or nothing')
            break
        }
        'notify;help;user;list' {
            break
        }
        'notify;help;user;show' {
            break
        }
        'notify;help;user;add' {
            break
        }
        'notify;help;user;modify' {
            break
        }
        'notify;help;user;remove' {
            break
        }
        'notify;help;user;import' {
            break
        }
        'notify;help;notice' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show which channel kinds are switched on for everyone')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Switch channel kinds on: users may configure and enable them')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Switch channel kinds off: `channel set` and `channel enable` refuse them and sends skip them')
            break
        }
        'notify;help;notice;list' {
            break
        }
        'notify;help;notice;enable' {
            break
        }
        'notify;help;notice;disable' {
            break
        }
        'notify;help;provider' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the providers and whether each is configured')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a provider''s settings (secrets masked unless --reveal; defaults marked)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Configure a provider''s credentials (only the fields given change)')
            break
        }
        'notify;help;provider;list' {
            break
        }
        'notify;help;provider;show' {
            break
        }
        'notify;help;provider;set' {
            break
        }
        'notify;help;rule' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every event''s rule, grouped by category')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one event''s rule, with its description, its message template and the parts the store cannot serve')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn rules on: their events notify again')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn rules off: their events notify nobody')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change who a rule reaches, through which channel kinds and with which message (only the parts given change)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Put a rule back to its default: on, no optional roles, no additional users, every channel kind')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a custom event, with a rule at its default')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a custom event and its rule (built-in events can only be reset or disabled)')
            break
        }
        'notify;help;rule;list' {
            break
        }
        'notify;help;rule;show' {
            break
        }
        'notify;help;rule;enable' {
            break
        }
        'notify;help;rule;disable' {
            break
        }
        'notify;help;rule;set' {
            break
        }
        'notify;help;rule;reset' {
            break
        }
        'notify;help;rule;add' {
            break
        }
        'notify;help;rule;remove' {
            break
        }
        'notify;help;send' {
            break
        }
        'notify;help;emit' {
            break
        }
        'notify;help;template' {
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Show what each channel would get for an event, sending nothing')
            break
        }
        'notify;help;template;render' {
            break
        }
        'notify;help;listen' {
            break
        }
        'notify;help;serve' {
            break
        }
        'notify;help;queue' {
            break
        }
        'notify;help;cancel' {
            break
        }
        'notify;help;ack' {
            break
        }
        'notify;help;mute' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Add or replace a mute window: times of day in a time zone, on some weekdays')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the mute windows, and the rules and users that use each')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a mute window that no rule or user uses any more')
            break
        }
        'notify;help;mute;set' {
            break
        }
        'notify;help;mute;list' {
            break
        }
        'notify;help;mute;remove' {
            break
        }
        'notify;help;silence' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Silence matching deliveries for a while: they are logged skipped, reason `silenced (ID: COMMENT)`')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the silences that hold now (with --all, ended ones too)')
            [CompletionResult]::new('expire', 'expire', [CompletionResultType]::ParameterValue, 'End a silence now: matching deliveries go out again')
            break
        }
        'notify;help;silence;add' {
            break
        }
        'notify;help;silence;list' {
            break
        }
        'notify;help;silence;expire' {
            break
        }
        'notify;help;log' {
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete delivery log entries older than a duration or a time (nothing is ever pruned otherwise)')
            break
        }
        'notify;help;log;prune' {
            break
        }
        'notify;help;retry' {
            break
        }
        'notify;help;secret' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Move every secret the store holds as given into the OS keyring or into files')
            break
        }
        'notify;help;secret;migrate' {
            break
        }
        'notify;help;completions' {
            break
        }
        'notify;help;doctor' {
            break
        }
        'notify;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
