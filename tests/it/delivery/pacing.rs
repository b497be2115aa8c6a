//! A robot's pacing, as a user sees it: the wait is said on stderr, naming the robot (token masked).

use super::*;

/// The first run spends the robot's 20 messages at a clock fixed by NOTIFY_NOW; a second run 59 s
/// later (by that clock) must wait about a second for the oldest slot, and says so.
#[test]
fn a_robots_pacing_wait_is_said_on_stderr() {
    const NOW: u64 = 1_800_000_000;
    let server = HttpServer::start();
    let mut env = Env::new();
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let mut args = vec!["--message", "DMS burst"];
    for _ in 0..20 {
        args.push("--wecom-bot");
        args.push(&url);
    }
    env.set_env("NOTIFY_NOW", &NOW.to_string());
    let first = send(&env, &args);
    first.ok();
    first.stderr_lacks("waiting");
    env.set_env("NOTIFY_NOW", &(NOW + 59).to_string());
    let run = send(&env, &["--message", "DMS one more", "--wecom-bot", &url]);
    run.ok()
        .stderr_has("waiting ")
        .stderr_has(" s for WeCom robot http://127.0.0.1:")
        .stderr_has("access_token=**** (20 messages a minute)");
    assert_hidden(&run, &[ROBOT_TOKEN]);
    assert_eq!(server.requests().len(), 21);
}
