//! The test's own algorithms against the published vectors.

use super::*;

#[test]
fn independent_signers_match_the_published_vectors() {
    assert_eq!(
        dingtalk_sign("SECtest", 1_700_000_000_000),
        "aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g="
    );
    let params: Vec<(String, String)> = [
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Version", "2014-05-26"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    assert_eq!(
        aliyun_sign("testsecret", "GET", &params),
        "OLeaidS1JvxuMvnyHOwuJ+uX5qY="
    );
    assert_eq!(pct("a b*c~/+="), "a%20b%2Ac~%2F%2B%3D");
}
