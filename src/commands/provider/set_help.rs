//! `notify provider set --help`: each provider's fields, with the defaults from the provider tables,
//! and the forms every secret flag takes.

use crate::providers::{
    ALIYUN_API_BASE, ALIYUN_REGION, DINGTALK_API_BASE, FEISHU_API_BASE, LARK_API_BASE,
    TWILIO_API_BASE,
};

/// The long help, with the defaults from the provider tables.
pub(super) fn long_about() -> String {
    format!(
        "Configure a provider's credentials (only the fields given change)

  dingtalk  --app-key --app-secret --agent-id [--api-base {DINGTALK_API_BASE}]
  feishu    --app-id --app-secret [--api-base {FEISHU_API_BASE}]
  lark      --app-id --app-secret [--api-base {LARK_API_BASE}]
  smtp      --host [--port] [--security tls|starttls|none] [--username] [--password] --from
  sms       --vendor aliyun --access-key-id --access-key-secret --sign-name --template-code
              [--verify-template-code] [--region {ALIYUN_REGION}]
              [--api-base {ALIYUN_API_BASE}]
  sms       --vendor twilio --account-sid --auth-token --from
              [--api-base {TWILIO_API_BASE}]

Every provider also takes --ca-file PEM: CA certificates trusted for its connections in addition
to the system's (a private deployment behind its own certificate authority; NOTIFY_CA_FILE adds
one for every connection). `--security none` (plain SMTP) is allowed only towards a loopback host.

Every secret flag --X also comes as:
  --X-stdin      one line of stdin
  --X-env VAR    the store keeps the variable's name; it is read when the secret is used
  --X-file PATH  the store keeps the path (`X_file`); the file, mode 0600 or stricter, is read
                 each time the secret is used, a trailing newline dropped (systemd credentials,
                 Docker and Kubernetes secrets)
  --X-keyring    the value (from --X, --X-stdin or a prompt) goes to the OS keyring (Secret
                 Service, Keychain); the store keeps the entry's name (`X_keyring`), e.g.
                 \"notify/providers.smtp.password@/home/me/.config/notify/store.toml\"
e.g. notify provider set smtp --host smtp.example.com --from dms@example.com \\
       --username dms --password-file /run/credentials/notify.service/smtp"
    )
}
