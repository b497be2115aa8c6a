//! The shared request builders: judges, bodies and stamps.
use super::*;

#[test]
fn a_5xx_is_retried_only_where_a_key_protects_the_message() {
    let answer = |status| HttpResponse {
        status,
        headers: Vec::new(),
        body: br#"{"errcode":-1,"errmsg":"boom"}"#.to_vec(),
    };
    let wecom = Target::WecomBot {
        webhook: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k".into(),
        ca_file: None,
    };
    let hook = Target::Webhook {
        url: "https://h.example/x".into(),
        method: crate::signing::SignatureMethod::None,
        key: crate::values::Revealed::new(""),
        ca_file: None,
    };
    for status in [500, 502, 504] {
        match judge(&wecom)(&answer(status)) {
            Verdict::Permanent(f) => assert!(f.message.starts_with("outcome unknown"), "{f:?}"),
            other => panic!("{status}: {other:?}"),
        }
        assert!(matches!(judge(&hook)(&answer(status)), Verdict::Retry(_)));
    }
    for status in [429, 503] {
        assert!(
            matches!(judge(&wecom)(&answer(status)), Verdict::Retry(_)),
            "{status}"
        );
    }
}
use crate::channels::message::{Event, Format};
use crate::values::Revealed;

fn sms(verify_template: Option<&str>, code: Option<&str>) -> Target {
    Target::Sms {
        vendor: SmsVendor::Aliyun {
            api_base: "https://dysmsapi.example".into(),
            key_id: "id".into(),
            key_secret: Revealed::new("s3cret"),
            region: "cn-hangzhou".into(),
            sign_name: "DMS".into(),
            template: "SMS_TEXT".into(),
            verify_template: verify_template.map(str::to_owned),
            ca_file: None,
        },
        mobile: "+8613100000000".into(),
        code: code.map(str::to_owned),
    }
}

fn query(target: &Target) -> String {
    let msg = Message::new(None, "code 123456".into(), Format::Text, Event::default());
    let msg = compose(target, Rendered::new(&msg, None));
    let stamp = Stamp::new(1_700_000_000_000).unwrap();
    let req = message_request(target, &msg, &Audience::default(), &stamp, Learned::NONE);
    req.unwrap().url
}

#[test]
fn a_code_uses_the_verification_template_when_there_is_one() {
    let url = query(&sms(Some("SMS_CODE"), Some("123456")));
    assert!(url.contains("TemplateCode=SMS_CODE"), "{url}");
    assert!(url.contains("%7B%22code%22%3A%22123456%22%7D"), "{url}");
    let url = query(&sms(None, Some("123456")));
    assert!(url.contains("TemplateCode=SMS_TEXT"), "{url}");
    assert!(url.contains("%22content%22"), "{url}");
    let url = query(&sms(Some("SMS_CODE"), None));
    assert!(url.contains("TemplateCode=SMS_TEXT"), "{url}");
}

#[test]
fn a_dry_run_of_an_app_target_shows_each_step_with_placeholders() {
    let app = App {
        provider: ProviderName::Dingtalk,
        api_base: "https://oapi.example".into(),
        id: "key".into(),
        secret: Revealed::new("app-s3cret"),
        agent_id: 5,
        ca_file: None,
    };
    let target = Target::Dingtalk {
        app,
        mobile: Some("+8613100000000".into()),
        userid: None,
    };
    let msg = Message::new(None, "hi".into(), Format::Text, Event::default());
    let stamp = Stamp::new(1).unwrap();
    let steps: Vec<String> = rendered(&target, &msg, &[], &Audience::default(), &stamp)
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(steps.len(), 3, "token, lookup, send: {steps:?}");
    assert!(steps[0].starts_with("GET https://oapi.example/gettoken?appkey=key&appsecret=****"));
    assert!(steps[1].contains("getbymobile?access_token=****") && steps[1].contains("13100000000"));
    assert!(
        steps[2].contains("<userid from getbymobile>"),
        "{}",
        steps[2]
    );
    assert!(steps.iter().all(|s| !s.contains("app-s3cret")));
}
