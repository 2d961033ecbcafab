fn main() {
    let text = std::io::read_to_string(std::io::stdin()).unwrap_or_default();
    let e = cancu::extract(&text);
    for c in &e.citations {
        println!(
            "{}:{} {} {:?} {:?} {:?} {:?} {:?} | {}",
            c.line, c.column, c.kind, c.canonical, c.law, c.date, c.issuer, c.defects, c.text
        );
    }
}
