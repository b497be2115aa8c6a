//! Tests of `schema`.

use super::*;

#[test]
fn a_store_round_trips_through_toml() {
    let text = r#"
version = 1
default_user = "alice"
[notice]
disabled = ["sms"]
[providers.smtp]
host = "smtp.example.com"
port = 465
security = "tls"
password_env = "SMTP_PASSWORD"
from = "DMS <dms@example.com>"
[users.alice]
display_name = "Alice"
roles = ["dba"]
[users.alice.channels.email]
address = "alice@example.com"
enabled = true
verified = true
[users.alice.channels.dingtalk-bot]
webhook = "https://oapi.dingtalk.com/robot/send?access_token=abc"
keyword = "DMS"
secret = "SECabc"
enabled = true
"#;
    let store: Store = toml::from_str(text).expect("valid store");
    let again = toml::to_string(&store).expect("serialises");
    let back: Store = toml::from_str(&again).expect("reparses");
    assert_eq!(toml::to_string(&back).expect("serialises"), again);
    assert!(
        again.contains("password_env = \"SMTP_PASSWORD\""),
        "{again}"
    );
    assert!(!store.notice.allows(Kind::Sms));
    let email = &store.users["alice"].channels.0[&Kind::Email];
    assert!(email.enabled && email.verified);
    assert!(store.users["alice"].channels.0[&Kind::DingtalkBot].verified);
}

#[test]
fn secrets_kept_in_files_and_the_keyring_are_stored_as_where_they_are() {
    let text = "version = 1\n[providers.smtp]\nhost = \"smtp.example.com\"\n\
                password_file = \"/run/credentials/notify.service/smtp\"\nfrom = \"dms@example.com\"\n\
                [users.a.channels.webhook]\nurl = \"https://h.example.com/a\"\n\
                signature_method = \"HMAC_SHA256\"\n\
                signature_key_keyring = \"notify/users.a.channels.webhook.signature_key@/s.toml\"\n";
    let store: Store = toml::from_str(text).expect("valid store");
    let smtp = &store.providers.0[&ProviderName::Smtp];
    assert_eq!(
        smtp.get(&Field::Password),
        Some(&Value::Secret(Secret::File(
            "/run/credentials/notify.service/smtp".into()
        )))
    );
    let again = toml::to_string(&store).expect("serialises");
    assert!(
        again.contains("password_file = \"/run/credentials/notify.service/smtp\"\n"),
        "{again}"
    );
    assert!(
        again.contains(
            "signature_key_keyring = \"notify/users.a.channels.webhook.signature_key@/s.toml\"\n"
        ),
        "{again}"
    );
    for (bad, says) in [
        (
            "password_file = \"smtp.txt\"",
            "invalid `password_file`: expected the absolute path",
        ),
        (
            "password_keyring = \"notify\"",
            "invalid `password_keyring`: `notify` is not SERVICE/ACCOUNT",
        ),
        (
            "password_file = \"/a\"\npassword = \"x\"",
            "`password` is given twice",
        ),
        ("host_file = \"/a\"", "unknown field `host_file`"),
    ] {
        let text = format!(
            "version = 1\n[providers.smtp]\nhost = \"h\"\nfrom = \"d@example.com\"\n{bad}\n"
        );
        let err = toml::from_str::<Store>(&text).unwrap_err().to_string();
        assert!(err.contains(says), "{bad}: {err}");
    }
}

#[test]
fn a_field_given_as_a_value_and_as_a_variable_is_refused() {
    let text = "version = 1\n[users.a.channels.webhook]\nurl = \"https://h.example.com/a\"\n\
                signature_method = \"HMAC_SHA256\"\nsignature_key = \"k\"\nsignature_key_env = \"KEY\"\n";
    let err = toml::from_str::<Store>(text).unwrap_err();
    assert!(
        err.to_string().contains("`signature_key` is given twice"),
        "{err}"
    );
}

#[test]
fn bad_values_are_reported_with_their_line() {
    let text = "version = 1\n[users.a.channels.sms]\nmobile = \"12\"\n";
    let err = toml::from_str::<Store>(text).unwrap_err();
    assert!(err.to_string().contains("line 3"), "{err}");
    assert!(err.to_string().contains("invalid `mobile`"), "{err}");
    let text = "version = 1\n[users.a.channels.pager]\nnumber = \"1\"\n";
    let err = toml::from_str::<Store>(text).unwrap_err();
    assert!(
        err.to_string().contains("unknown channel kind `pager`"),
        "{err}"
    );
}
