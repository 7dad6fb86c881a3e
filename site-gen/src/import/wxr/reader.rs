//! The export read one `<channel>` child at a time (an `<item>`, an
//! `<wp:author>`…), each as a small tree, so memory holds one item and
//! never the file. Elements are told apart by namespace URI, never by
//! prefix, since prefixes differ between exports.

use std::path::Path;

use quick_xml::NsReader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use super::stream::Utf8Stream;
use crate::import::ImportError;

/// The namespaces a WXR file uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ns {
    /// RSS's own elements.
    Rss,
    /// `wp:`, from `http://wordpress.org/export/1.0/` to `/1.2/`.
    Wp,
    /// `excerpt:`, `http://wordpress.org/export/1.x/excerpt/`.
    Excerpt,
    /// `content:`, RSS's content module.
    Content,
    /// `dc:`, Dublin Core.
    Dc,
    Other,
}

impl Ns {
    fn of(uri: &str) -> Self {
        let uri = uri.trim();
        if let Some(rest) = uri.strip_prefix("http://wordpress.org/export/") {
            return if rest.trim_end_matches('/').ends_with("excerpt") {
                Ns::Excerpt
            } else {
                Ns::Wp
            };
        }
        match uri.trim_end_matches('/') {
            "http://purl.org/rss/1.0/modules/content" => Ns::Content,
            "http://purl.org/dc/elements/1.1" => Ns::Dc,
            _ => Ns::Other,
        }
    }
}

/// One element with what it holds.
#[derive(Debug)]
pub struct Node {
    pub ns: Ns,
    pub name: String,
    pub attributes: Vec<(String, String)>,
    /// Its text and CDATA, entities resolved.
    pub text: String,
    pub children: Vec<Node>,
    /// Where it starts.
    pub line: usize,
}

impl Node {
    pub fn is(&self, ns: Ns, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    pub fn child(&self, ns: Ns, name: &str) -> Option<&Node> {
        self.children.iter().find(|child| child.is(ns, name))
    }

    /// The trimmed text of the first such child, if it has any.
    pub fn text_of(&self, ns: Ns, name: &str) -> Option<&str> {
        self.child(ns, name)
            .map(|child| child.text.trim())
            .filter(|text| !text.is_empty())
    }

    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

pub struct WxrReader {
    xml: NsReader<Utf8Stream>,
    buf: Vec<u8>,
    label: String,
    in_channel: bool,
    found_channel: bool,
}

impl WxrReader {
    pub fn open(path: &Path) -> Result<Self, ImportError> {
        let read_error = |source| ImportError::Read {
            path: path.to_path_buf(),
            source,
        };
        let stream = Utf8Stream::open(path)
            .map_err(read_error)?
            .map_err(|message| ImportError::Malformed {
                at: format!("{}:1", path.display()),
                message,
            })?;
        let mut xml = NsReader::from_reader(stream);
        xml.config_mut().check_end_names = true;
        Ok(Self {
            xml,
            buf: Vec::with_capacity(16 * 1024),
            label: path.display().to_string(),
            in_channel: false,
            found_channel: false,
        })
    }

    /// The line reached, from 1.
    pub fn line(&self) -> usize {
        self.xml.get_ref().line()
    }

    /// Bytes of UTF-8 read so far.
    pub fn position(&self) -> u64 {
        self.xml.buffer_position()
    }

    fn malformed(&self, line: usize, message: String) -> ImportError {
        ImportError::Malformed {
            at: format!("{}:{line}", self.label),
            message,
        }
    }

    /// The next child of `<channel>`, or `None` at the end of the file.
    pub fn next_node(&mut self) -> Result<Option<Node>, ImportError> {
        let mut open: Vec<Node> = Vec::new();
        loop {
            self.buf.clear();
            let start_line = self.line();
            let (resolved, event) = match self.xml.read_resolved_event_into(&mut self.buf) {
                Ok(read) => read,
                Err(error) => {
                    let line = self.line();
                    return Err(self.malformed(
                        line,
                        format!("not well-formed XML ({error}); the file is damaged or cut short: export it again"),
                    ));
                }
            };
            let ns = match resolved {
                ResolveResult::Bound(uri) => Ns::of(uri.as_ref()),
                ResolveResult::Unbound => Ns::Rss,
                ResolveResult::Unknown(_) => Ns::Other,
            };
            let line = self.xml.get_ref().line();
            match event {
                Event::DocType(_) => {
                    return Err(ImportError::Refused {
                        path: self.label.clone().into(),
                        message: format!(
                            "line {start_line}: a DOCTYPE or entity declaration, which WordPress never writes and which can make a reader fetch files or expand text without end; refused (remove it if the file is really an export)"
                        ),
                    });
                }
                Event::Start(start) => {
                    let node = new_node(ns, &start, start_line);
                    if !self.in_channel {
                        self.in_channel = node.is(Ns::Rss, "channel");
                        self.found_channel |= self.in_channel;
                        continue;
                    }
                    open.push(node);
                }
                Event::Empty(start) => {
                    if !self.in_channel {
                        continue;
                    }
                    let node = new_node(ns, &start, start_line);
                    match open.last_mut() {
                        Some(parent) => parent.children.push(node),
                        None => return Ok(Some(node)),
                    }
                }
                Event::End(_) => match open.pop() {
                    Some(node) => match open.last_mut() {
                        Some(parent) => parent.children.push(node),
                        None => return Ok(Some(node)),
                    },
                    None => self.in_channel = false,
                },
                Event::Text(text) => push_text(&mut open, &text.xml10_content()),
                Event::CData(data) => push_text(&mut open, &data.xml10_content()),
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => resolve_predefined_entity(&reference)
                            .map(str::to_string)
                            // Unknown entities are kept as written: in
                            // content they are HTML's, which the HTML
                            // reader resolves later.
                            .unwrap_or_else(|| format!("&{};", &*reference)),
                    };
                    push_text(&mut open, &resolved);
                }
                Event::Eof => {
                    return match open.first() {
                        Some(node) => Err(self.malformed(
                            line,
                            format!(
                                "the file ends inside <{}> opened at line {}: it is cut short (export it again, or copy it whole)",
                                node.name, node.line
                            ),
                        )),
                        None if self.found_channel => Ok(None),
                        None => Err(self.malformed(
                            line,
                            "no RSS <channel>: this is not a WordPress export (export it again from Tools → Export)".into(),
                        )),
                    };
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            }
        }
    }
}

fn new_node(ns: Ns, start: &BytesStart, line: usize) -> Node {
    let attributes = start
        .attributes()
        .flatten()
        .map(|attribute| {
            let key = attribute.key.local_name().as_ref().to_string();
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|value| value.into_owned())
                .unwrap_or_else(|_| attribute.value.to_string());
            (key, value)
        })
        .collect();
    Node {
        ns,
        name: start.local_name().as_ref().to_string(),
        attributes,
        text: String::new(),
        children: Vec::new(),
        line,
    }
}

fn push_text(open: &mut [Node], text: &str) {
    if let Some(node) = open.last_mut() {
        node.text.push_str(text);
    }
}
