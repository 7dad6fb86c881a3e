//! The start tags of some HTML, read with the tokenizer a browser's parser
//! is built on, so text that only looks like a tag (in a comment, a script
//! or a style) is not taken for one.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Calls `visit` with each start tag of `html`, in document order. With
/// `scripting`, a `<noscript>`'s content is read as text, as a browser
/// running scripts reads it.
pub fn each_start_tag(html: &str, scripting: bool, visit: impl FnMut(&Tag)) {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let sink = StartTags {
        visit: RefCell::new(visit),
        scripting,
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
}

struct StartTags<F> {
    visit: RefCell<F>,
    scripting: bool,
}

impl<F: FnMut(&Tag)> TokenSink for StartTags<F> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind == TagKind::EndTag {
            return TokenSinkResult::Continue;
        }
        (self.visit.borrow_mut())(&tag);
        // Without a tree builder to switch the tokenizer's state, the text
        // of these elements would be read as markup.
        match &*tag.name {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "noscript" if self.scripting => TokenSinkResult::RawData(RawKind::Rawtext),
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::each_start_tag;

    fn names(html: &str, scripting: bool) -> Vec<String> {
        let mut names = Vec::new();
        each_start_tag(html, scripting, |tag| names.push(tag.name.to_string()));
        names
    }

    #[test]
    fn text_read_raw_holds_no_tags() {
        let html = "<p>a</p><!-- <b> --><script>'<i>'</script><noscript><em></em></noscript><a>";
        assert_eq!(names(html, false), ["p", "script", "noscript", "em", "a"]);
        assert_eq!(names(html, true), ["p", "script", "noscript", "a"]);
    }
}
