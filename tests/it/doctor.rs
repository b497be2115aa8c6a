//! `notify doctor` end to end: a setup on loopback fakes (a Feishu token endpoint, an SMTP server that
//! wants a login, an HTTPS webhook behind a test CA, a plain webhook) says "no problems"; each planted
//! problem is named with the command that fixes it; nothing is ever sent; `--offline` opens no
//! connection.

use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::http::{HttpServer, Reply};
use crate::support::smtp::SmtpServer;
use crate::support::tls::{HttpsServer, TestCa};
use crate::support::{Env, Run};

const TOKEN_PATH: &str = "/open-apis/auth/v3/tenant_access_token/internal";
const RULE: &str = "ticket.data-change.approved";

/// The fakes a setup talks to, kept alive for the test.
struct Setup {
    env: Env,
    api: HttpServer,
    smtp: SmtpServer,
    https: HttpsServer,
}

/// A store that works: a Feishu app, SMTP with a login, alice's email, feishu and an HTTPS webhook
/// behind a private CA (with its `ca_file`), bob's plain webhook, and a changed rule with a template.
/// `extra` is appended to the store.
fn setup(extra: &str) -> Setup {
    let mut env = Env::new();
    let api = HttpServer::start();
    api.always(
        TOKEN_PATH,
        Reply::json(
            200,
            r#"{"code":0,"msg":"ok","tenant_access_token":"t-1","expire":7200}"#,
        ),
    );
    let smtp = SmtpServer::start_with_login("dms", "right-password");
    let ca = TestCa::new();
    let https = HttpsServer::start(ca.server.clone());
    let ca_file = ca.write_ca(&env.path("ca.pem"));
    env.set_env("FEISHU_APP_SECRET", "feishu-secret");
    env.set_env("SMTP_PASSWORD", "right-password");
    env.write_store(&format!(
        r#"version = 1

[providers.feishu]
app_id = "cli_doctor"
app_secret_env = "FEISHU_APP_SECRET"
api_base = "{api_base}"

[providers.smtp]
host = "127.0.0.1"
port = {smtp_port}
security = "none"
username = "dms"
password_env = "SMTP_PASSWORD"
from = "DMS <dms@example.com>"

[users.alice]
roles = ["dba"]

[users.alice.channels.email]
address = "alice@example.com"
enabled = true
verified = true

[users.alice.channels.feishu]
mobile = "+8613100000000"
enabled = true
verified = true

[users.alice.channels.webhook]
url = "{https_url}"
signature_method = "NONE"
ca_file = "{ca_file}"
enabled = true

[users.bob.channels.webhook]
url = "{hook_url}"
signature_method = "NONE"
enabled = true

[rules."{RULE}"]
users = ["alice"]
template = "**{{{{ event }}}}**: {{{{ message }}}}"
{extra}"#,
        api_base = api.url(""),
        smtp_port = smtp.port(),
        https_url = https.url("/dms"),
        hook_url = api.url("/hook"),
    ));
    Setup {
        env,
        api,
        smtp,
        https,
    }
}

impl Setup {
    fn doctor(&self, args: &[&str]) -> Run {
        let mut full = vec!["doctor"];
        full.extend_from_slice(args);
        self.env.run(&full)
    }

    /// Nothing was sent anywhere: at most token calls reached the API, no mail, no webhook request.
    #[track_caller]
    fn nothing_sent(&self) {
        let others: Vec<_> = self
            .api
            .requests()
            .into_iter()
            .filter(|r| r.path != TOKEN_PATH)
            .map(|r| r.path)
            .collect();
        assert!(others.is_empty(), "requests besides the token: {others:?}");
        assert!(self.smtp.messages().is_empty(), "a mail was sent");
        assert!(
            self.https.requests().is_empty(),
            "the webhook got a request"
        );
    }
}

/// The one problem of a `--json` report (exactly one is expected).
#[track_caller]
fn only_problem(run: &Run) -> Value {
    run.code(1);
    let report = run.json();
    assert_eq!(report["problems"], 1, "{report:#}");
    let checks = report["checks"].as_array().cloned().unwrap_or_default();
    checks
        .into_iter()
        .find(|c| c["status"] == "problem")
        .expect("a problem")
}

#[test]
fn a_working_setup_says_no_problems_and_sends_nothing() {
    let s = setup("");
    let run = s.doctor(&[]);
    run.ok().stdout_has("no problems");
    for line in [
        "store\n",
        "ok       provider feishu: access token from http://127.0.0.1:",
        "ok       provider smtp: 127.0.0.1:",
        "connected and logged in; quit without sending",
        "(alice's webhook): connected; TLS handshake completed",
        "(bob's webhook): connected (plain HTTP)",
        "ok       alice's email: enabled and verified",
    ] {
        run.stdout_has(line);
    }
    assert!(!run.stdout.contains("problem "), "{}", run.stdout);
    assert_eq!(s.api.requests_to(TOKEN_PATH).len(), 1, "one token call");
    assert_eq!(s.smtp.logins(), (1, 0), "one login, accepted");
    s.nothing_sent();

    // The token is cached as a send caches it: a second run makes no token call; --json parses.
    let run = s.doctor(&["--json"]);
    run.ok();
    let report = run.json();
    assert_eq!(report["problems"], 0, "{report:#}");
    assert_eq!(report["warnings"], 0, "{report:#}");
    assert_eq!(report["skipped"], 0, "{report:#}");
    let checks = report["checks"].as_array().expect("checks");
    let areas: Vec<&str> = checks.iter().filter_map(|c| c["area"].as_str()).collect();
    for area in ["store", "rules", "providers", "channels", "network", "log"] {
        assert!(areas.contains(&area), "{area} missing from {areas:?}");
    }
    for check in checks {
        let keys: Vec<&String> = check.as_object().expect("object").keys().collect();
        assert_eq!(
            keys,
            ["area", "subject", "status", "message", "hint"],
            "{check}"
        );
        assert_eq!(check["status"], "ok", "{check}");
    }
    assert_eq!(
        s.api.requests_to(TOKEN_PATH).len(),
        1,
        "the cached token was used"
    );
    s.nothing_sent();
}

#[test]
fn offline_opens_no_connection_and_says_what_it_skipped() {
    let s = setup("");
    let run = s.doctor(&["--offline"]);
    run.ok()
        .stdout_has("skipped  provider feishu: access token: skipped (--offline)")
        .stdout_has("skipped  provider smtp: SMTP login: skipped (--offline)")
        .stdout_has("(bob's webhook): connect and TLS handshake: skipped (--offline)")
        .stdout_has("no problems (4 skipped (--offline))");
    assert_eq!(s.api.connections(), 0);
    assert_eq!(s.smtp.connections(), 0);
    let report = s.doctor(&["--offline", "--json"]).json();
    assert_eq!(report["skipped"], 4, "{report:#}");
    assert_eq!(s.api.connections(), 0);
    assert_eq!(s.smtp.connections(), 0);
}

#[test]
fn an_unset_environment_variable_is_named_with_what_to_export() {
    let mut s = setup("");
    s.env.set_env("SMTP_PASSWORD", "");
    let run = s.doctor(&[]);
    run.code(1)
        .stdout_has(
            "problem  provider smtp: `password`: the environment variable SMTP_PASSWORD is not set",
        )
        .stdout_has("hint: export SMTP_PASSWORD=...")
        .stdout_has("1 problem\n")
        .stderr_has("error: notify doctor found 1 problem");
    let problem = only_problem(&s.doctor(&["--json"]));
    assert_eq!(problem["area"], "providers");
    assert_eq!(problem["hint"], "export SMTP_PASSWORD=...");
    s.nothing_sent();
}

#[test]
fn a_wrong_app_secret_is_named_when_the_token_endpoint_refuses_it() {
    let s = setup("");
    s.api.always(
        TOKEN_PATH,
        Reply::json(200, r#"{"code":10014,"msg":"app secret invalid"}"#),
    );
    let run = s.doctor(&[]);
    run.code(1)
        .stdout_has("problem  provider feishu: the app's credentials were refused")
        .stdout_has("app secret invalid")
        .stdout_has("hint: notify provider set feishu --app-secret-stdin");
    assert!(!run.stdout.contains("feishu-secret"), "{}", run.stdout);
    let token_calls = s.api.requests_to(TOKEN_PATH);
    assert_eq!(token_calls.len(), 1, "one token call, not retried");
    assert_eq!(token_calls[0].json()["app_secret"], "feishu-secret");
    s.nothing_sent();
}

#[test]
fn an_smtp_password_the_server_refuses_is_named_and_nothing_is_mailed() {
    let mut s = setup("");
    s.env.set_env("SMTP_PASSWORD", "wrong-password");
    let run = s.doctor(&[]);
    run.code(1)
        .stdout_has("problem  provider smtp: 127.0.0.1:")
        .stdout_has("refused the login of `dms`")
        .stdout_has("hint: export SMTP_PASSWORD=... (the password the server accepts)");
    assert!(!run.stdout.contains("wrong-password"), "{}", run.stdout);
    assert_eq!(s.smtp.logins(), (0, 1));
    s.nothing_sent();
}

#[test]
fn a_store_others_can_read_while_it_holds_a_secret_is_named_with_the_chmod() {
    // A literal secret (the webhook's signing key) in a store of mode 0644.
    let s = setup(
        "\n[users.carol.channels.webhook]\nurl = \"http://127.0.0.1:9/x\"\n\
         signature_method = \"HMAC_SHA256\"\nsignature_key = \"literal-key\"\n",
    );
    std::fs::set_permissions(&s.env.store, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let store = s.env.store.display().to_string();
    let run = s.doctor(&["--offline"]);
    run.code(1)
        .stdout_has("mode 0644: readable by others while it holds a literal secret (carol's webhook `signature_key`)")
        .stdout_has(&format!("hint: chmod 600 {store}"));
    // The rest of the store was still checked.
    run.stdout_has("ok       alice's email: enabled and verified");
    let problem = only_problem(&s.doctor(&["--offline", "--json"]));
    assert_eq!(problem["area"], "store");
    assert_eq!(problem["hint"], format!("chmod 600 {store}"));
}

#[test]
fn a_rule_naming_an_unknown_user_is_named_with_the_user_to_add() {
    let s = setup("");
    let text = s
        .env
        .store_text()
        .replace(r#"users = ["alice"]"#, r#"users = ["alice", "dave"]"#);
    s.env.write_store(&text);
    let run = s.doctor(&["--offline"]);
    run.code(1)
        .stdout_has(&format!(
            "problem  rule {RULE}: names `dave`, who is not a stored user: emit skips them"
        ))
        .stdout_has("hint: notify user add dave");
    assert_eq!(
        only_problem(&s.doctor(&["--offline", "--json"]))["area"],
        "rules"
    );
}

#[test]
fn a_template_that_no_longer_renders_is_named_with_the_rule_to_fix() {
    let s = setup("");
    let text = s
        .env
        .store_text()
        .replace("{{ message }}", "{{ message | no_such_filter }}");
    s.env.write_store(&text);
    let run = s.doctor(&["--offline"]);
    run.code(1)
        .stdout_has(&format!(
            "problem  rule {RULE}: its template no longer renders"
        ))
        .stdout_has("no_such_filter")
        .stdout_has(&format!(
            "hint: notify rule set {RULE} --template FILE (or --no-template)"
        ));
}

#[test]
fn an_untrusted_certificate_and_a_silent_host_are_problems_found_within_seconds() {
    let s = setup("");
    // Drop the webhook's CA file: the handshake must fail on the certificate.
    let text = s.env.store_text();
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("ca_file"))
        .map(|l| format!("{l}\n"))
        .collect();
    // A host that accepts the connection (the kernel's backlog) and never answers the handshake.
    let silent = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = silent.local_addr().expect("addr").port();
    s.env.write_store(&format!(
        "{text}\n[users.carol.channels.webhook]\nurl = \"https://127.0.0.1:{port}/x\"\nsignature_method = \"NONE\"\n"
    ));
    let started = Instant::now();
    let run = s.doctor(&[]);
    let took = started.elapsed();
    run.code(1)
        .stdout_has("(alice's webhook): the TLS handshake with localhost:")
        .stdout_has("UnknownIssuer")
        .stdout_has("hint: trust its CA: notify channel set webhook --user alice --ca-file PEM")
        .stdout_has(&format!(
            "https://127.0.0.1:{port} (carol's webhook): 127.0.0.1:{port} did not answer within 3s"
        ))
        .stdout_has("2 problems");
    assert!(took < Duration::from_secs(8), "the doctor took {took:?}");
    s.nothing_sent();
}

#[test]
fn the_log_reports_its_queue_and_a_log_from_a_newer_notify_is_a_problem() {
    let s = setup("");
    s.env
        .run(&[
            "emit",
            RULE,
            "--approver",
            "alice",
            "--id",
            "later-1",
            "--in",
            "1h",
        ])
        .ok();
    let log = s.env.log_path().display().to_string();
    s.doctor(&["--offline"])
        .ok()
        .stdout_has(&format!("ok       {log}: opens (log version "))
        .stdout_has("; no serve owns it")
        .stdout_has(&format!(
            "ok       {log}: queue: 0 due, 1 scheduled, 0 in flight, 0 destinations given up"
        ));

    let conn = rusqlite::Connection::open(&log).expect("open the log");
    conn.pragma_update(None, "user_version", 999)
        .expect("set the version");
    drop(conn);
    let problem = only_problem(&s.doctor(&["--offline", "--json"]));
    assert_eq!(problem["area"], "log");
    let message = problem["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("written by a newer notify (log version 999"),
        "{problem}"
    );
    assert_eq!(
        problem["hint"],
        "upgrade notify, or point --log (NOTIFY_LOG) at another file"
    );
    // Read, never migrated: the version is left as found.
    let conn = rusqlite::Connection::open(&log).expect("open the log");
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(version, 999);
}

#[test]
fn warnings_do_not_fail_a_role_nobody_holds_and_a_kind_switched_off() {
    let s = setup("\n[notice]\ndisabled = [\"sms\"]\n");
    let text = s.env.store_text().replace(
        r#"users = ["alice"]"#,
        "users = [\"alice\"]\nroles = [\"auditor\"]\nchannels = [\"email\", \"sms\"]",
    );
    s.env.write_store(&text);
    s.doctor(&["--offline"])
        .ok()
        .stdout_has(&format!(
            "warning  rule {RULE}: reaches the role `auditor`, which no user holds"
        ))
        .stdout_has("hint: notify user modify NAME --role auditor")
        .stdout_has(&format!(
            "warning  rule {RULE}: goes through sms, which is switched off in Notice Management"
        ))
        .stdout_has("hint: notify notice enable sms")
        .stdout_has("no problems (2 warnings, 4 skipped (--offline))");
}

#[test]
fn smtp_with_implicit_tls_or_starttls_is_checked_against_the_providers_ca() {
    let ca = TestCa::new();
    for (server, security) in [
        (SmtpServer::start_implicit_tls(ca.server.clone()), "tls"),
        (SmtpServer::start_starttls(ca.server.clone()), "starttls"),
    ] {
        let env = Env::new();
        let ca_file = ca.write_ca(&env.path("ca.pem"));
        let store = |ca_line: &str| {
            format!(
                "version = 1\n[providers.smtp]\nhost = \"localhost\"\nport = {}\nsecurity = \"{security}\"\n\
                 from = \"dms@example.com\"\n{ca_line}",
                server.port()
            )
        };
        env.write_store(&store(&format!("ca_file = \"{ca_file}\"\n")));
        env.run(&["doctor"])
            .ok()
            .stdout_has(&format!(
                "ok       provider smtp: localhost:{} ({security}): connected (no login configured); quit without sending",
                server.port()
            ));
        env.write_store(&store(""));
        let run = env.run(&["doctor"]);
        run.code(1)
            .stdout_has("problem  provider smtp: ")
            .stdout_has("UnknownIssuer");
        assert!(server.messages().is_empty());
    }
}
