//! Message templates end to end: `rule set --template` checks and stores a template (and refuses a bad
//! one without touching the store), `rule show` shows it, and an emit without a template still sends
//! the built-in text.

use std::time::Duration;

use crate::support::Env;
use crate::support::http::HttpServer;

const EVENT: &str = "ticket.data-change.failed";

const GOOD: &str = "### {{ description }}\n\n**{{ task_name|truncate(40) }}** by {{ submitter_name or submitter }} \
at {{ time|date(\"%Y-%m-%d %H:%M\", \"+08:00\") }}\n{% if link %}[Open the ticket]({{ link }}){% endif %}\n";

fn toml_of(env: &Env) -> toml::Value {
    toml::from_str(&env.store_text()).expect("the store is TOML")
}

#[test]
fn a_template_is_checked_stored_and_shown() {
    let env = Env::new();
    let file = env.path("failed.md.j2");
    std::fs::write(&file, GOOD).expect("write template");
    env.run(&[
        "rule",
        "set",
        EVENT,
        "--template",
        file.to_str().expect("utf-8"),
    ])
    .ok()
    .stderr_has("updated the rule of ticket.data-change.failed");
    let store = toml_of(&env);
    assert_eq!(store["rules"][EVENT]["template"].as_str(), Some(GOOD));

    let show = env.run(&["rule", "show", EVENT, "--json"]);
    show.ok();
    assert_eq!(show.json()["template"], GOOD);
    env.run(&["rule", "show", EVENT])
        .ok()
        .stdout_has("{% if link %}[Open the ticket]({{ link }}){% endif %}");

    // Other parts of the rule keep the template, and --no-template removes it (and the table).
    env.run(&["rule", "set", EVENT, "--role", "dba"]).ok();
    assert_eq!(
        toml_of(&env)["rules"][EVENT]["template"].as_str(),
        Some(GOOD)
    );
    env.run(&["rule", "set", EVENT, "--no-roles", "--no-template"])
        .ok();
    assert!(toml_of(&env).get("rules").is_none(), "{}", env.store_text());
    let show = env.run(&["rule", "show", EVENT, "--json"]);
    assert!(show.json().get("template").is_none());
    env.run(&["rule", "show", EVENT])
        .ok()
        .stdout_has("built-in");
}

#[test]
fn a_template_from_stdin_is_stored() {
    let env = Env::new();
    let source = "{{ event }}: {{ roles|join(\" & \") }} — 数据变更 🚀\n";
    env.run_stdin(&["rule", "set", EVENT, "--template", "-"], source)
        .ok();
    assert_eq!(
        toml_of(&env)["rules"][EVENT]["template"].as_str(),
        Some(source)
    );
}

#[test]
fn a_bad_template_is_refused_with_its_line_and_column_and_nothing_changes() {
    let env = Env::new();
    env.run(&["rule", "set", EVENT, "--channel", "email"]).ok();
    let before = std::fs::read(&env.store).expect("store written");
    let cases: [(&str, &str); 5] = [
        (
            "Task {{ task_name }}\n  {{ ticket_url }}\n",
            "line 2, column 6: `ticket_url` is undefined",
        ),
        (
            "{% if link %}\nopen",
            "line 1, column 14: syntax error: unexpected end of input",
        ),
        (
            "ok\n{{ task_name }",
            "line 2, column 14: syntax error: unexpected `}`",
        ),
        (
            "{{ time|date(\"%Q\") }}",
            "line 1, column 9: invalid operation",
        ),
        (
            "{{ time|nope }}",
            "line 1, column 9: filter nope is unknown",
        ),
    ];
    for (source, says) in cases {
        let file = env.path("bad.j2");
        std::fs::write(&file, source).expect("write template");
        let run = env.run(&[
            "rule",
            "set",
            EVENT,
            "--template",
            file.to_str().expect("utf-8"),
        ]);
        run.code(2)
            .stderr_has(says)
            .stderr_has("nothing was changed");
        assert_eq!(
            std::fs::read(&env.store).expect("store"),
            before,
            "{source:?} changed the store"
        );
        env.run_stdin(&["rule", "set", EVENT, "--template", "-"], source)
            .code(2)
            .stderr_has(says);
        assert_eq!(std::fs::read(&env.store).expect("store"), before);
    }
    env.run_stdin(&["rule", "set", EVENT, "--template", "-"], " \n")
        .code(2)
        .stderr_has("the template is empty");
    env.run(&["rule", "set", EVENT, "--template", "missing.j2"])
        .code(1)
        .stderr_has("cannot read the template missing.j2");
    assert_eq!(std::fs::read(&env.store).expect("store"), before);
}

#[test]
fn a_hand_edited_template_that_does_not_render_is_reported() {
    let env = Env::new();
    env.write_store(&format!(
        "version = 1\n\n[rules.\"{EVENT}\"]\ntemplate = \"Hi {{{{ nope }}}}\"\n"
    ));
    env.run(&["rule", "show", EVENT])
        .ok()
        .stderr_has("the stored template does not render (line 1, column 7: `nope` is undefined");
    let show = env.run(&["rule", "show", EVENT, "--json"]);
    let warnings = show.json()["warnings"].to_string();
    assert!(warnings.contains("--no-template"), "{warnings}");
}

#[test]
fn emit_without_a_template_sends_the_builtin_text_literally() {
    let env = Env::new();
    let server = HttpServer::start();
    env.run(&["user", "add", "carol", "--display-name", "Carol *C* <c@x>"])
        .ok();
    let url = format!("webhook.url={}", server.url("/carol"));
    env.run(&[
        "user",
        "modify",
        "carol",
        "--set",
        &url,
        "--set",
        "webhook.signature_method=NONE",
        "--enable",
        "webhook",
    ])
    .ok();
    let task = "<script>alert(\"x\")</script> *bold* ] [a](b) _x_ 数据变更 🚀";
    env.run(&[
        "emit",
        EVENT,
        "--submitter",
        "carol",
        "--task-id",
        "7",
        "--task-name",
        task,
    ])
    .ok();
    let req = &server.wait_for(1, Duration::from_secs(20))[0];
    assert_eq!(
        req.json()["messageEvent"]["message"],
        format!("A data change ticket failed: {task} (#7), submitted by Carol *C* <c@x>.")
    );
}
