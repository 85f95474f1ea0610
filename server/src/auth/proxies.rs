//! Which address a login comes from: the peer's, or — when the peer is a
//! reverse proxy named in `--trusted-proxies` — the client it forwarded for.
//!
//! `X-Forwarded-For` is a list each proxy appends the address it saw to, so
//! only its right end is trustworthy: read from the right, the first address
//! that is not one of our proxies is the client. A header from anyone else
//! is ignored (a client could write any address there and dodge the limits).

use std::net::IpAddr;

use axum::http::HeaderMap;
use ipnet::IpNet;

/// The configured proxies (addresses or CIDR ranges).
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Vec<IpNet>);

/// Reads one `--trusted-proxies` entry: `10.0.0.1`, `10.0.0.0/8`, `::1`…
pub fn parse_proxy(text: &str) -> Result<IpNet, String> {
    let text = text.trim();
    text.parse::<IpNet>()
        .or_else(|_| text.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| format!("{text:?} is neither an IP address nor a CIDR range"))
}

impl TrustedProxies {
    pub fn new(proxies: Vec<IpNet>) -> Self {
        TrustedProxies(proxies)
    }

    fn trusts(&self, address: IpAddr) -> bool {
        let address = canonical(address);
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client's address for a request from `peer` with `headers`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return canonical(peer);
        }
        let forwarded: Vec<IpAddr> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map_while(|part| part.trim().parse::<IpAddr>().ok())
            .collect();
        forwarded
            .into_iter()
            .rev()
            .map(canonical)
            .find(|a| !self.trusts(*a))
            .unwrap_or_else(|| canonical(peer))
    }
}

/// IPv4 peers of a dual-stack socket arrive as `::ffff:a.b.c.d`.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn forwarded_addresses_count_only_from_trusted_proxies() {
        let proxies = TrustedProxies::new(vec![
            parse_proxy("10.0.0.0/8").unwrap(),
            parse_proxy("192.168.1.1").unwrap(),
        ]);
        let client: IpAddr = "203.0.113.7".parse().unwrap();
        let stranger: IpAddr = "198.51.100.1".parse().unwrap();
        let proxy: IpAddr = "10.1.2.3".parse().unwrap();
        // A client cannot choose its address by writing the header.
        assert_eq!(proxies.client(stranger, &headers("1.2.3.4")), stranger);
        // Behind our proxies, the rightmost address that is not ours.
        assert_eq!(
            proxies.client(proxy, &headers("1.2.3.4, 203.0.113.7, 192.168.1.1")),
            client
        );
        // No header: the proxy itself.
        assert_eq!(proxies.client(proxy, &HeaderMap::new()), proxy);
        // Nobody trusted: the peer, always.
        assert_eq!(
            TrustedProxies::default().client(proxy, &headers("1.2.3.4")),
            proxy
        );
        assert!(parse_proxy("not an address").is_err());
    }
}
