package dev.rei.bootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** parse_mode as Telegram applies it: visible text, entities, and its refusals. */
class FormattedTextTest {

  @Test
  void givenHtml_whenParsed_thenTagsBecomeEntitiesAndCharacterEntitiesAreDecoded() {
    FormattedText.Parsed parsed = FormattedText.parse(
        "<b>Баланс</b>: 5 &lt;кредитов&gt; <a href=\"https://t.me/x\">link</a>", "HTML");

    assertThat(parsed.text()).isEqualTo("Баланс: 5 <кредитов> link");
    assertThat(parsed.entities()).containsExactly(
        TextEntity.of("bold", 0, 6),
        new TextEntity("text_link", 21, 4, "https://t.me/x", null));
  }

  @Test
  void givenPreWithALanguage_whenParsed_thenOnePreEntityWithThatLanguage() {
    FormattedText.Parsed parsed = FormattedText.parse("<pre><code class=\"language-java\">x++;</code></pre>", "html");

    assertThat(parsed.entities()).containsExactly(new TextEntity("pre", 0, 4, null, "java"));
  }

  @Test
  void givenBrokenHtml_whenParsed_thenTelegramsRefusals() {
    assertThatThrownBy(() -> FormattedText.parse("<b>bold", "HTML"))
        .hasMessage("Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"");
    assertThatThrownBy(() -> FormattedText.parse("<b>x</i>", "HTML"))
        .hasMessage("Bad Request: can't parse entities: Unmatched end tag at byte offset 4, expected \"</b>\","
            + " found \"</i>\"");
    assertThatThrownBy(() -> FormattedText.parse("ё <div>", "HTML"))
        .hasMessage("Bad Request: can't parse entities: Unsupported start tag \"div\" at byte offset 3");
  }

  @Test
  void givenMarkdownV2_whenParsed_thenEntitiesAndEscapes() {
    FormattedText.Parsed parsed = FormattedText.parse("*Итого:* 1\\.5 __x__ `a*b` [site](https://e.x)", "MarkdownV2");

    assertThat(parsed.text()).isEqualTo("Итого: 1.5 x a*b site");
    assertThat(parsed.entities()).containsExactly(
        TextEntity.of("bold", 0, 6),
        TextEntity.of("underline", 11, 1),
        TextEntity.of("code", 13, 3),
        new TextEntity("text_link", 17, 4, "https://e.x", null));
  }

  @Test
  void givenUnescapedOrUnclosedMarkdownV2_whenParsed_thenRefused() {
    assertThatThrownBy(() -> FormattedText.parse("Hello!", "MarkdownV2"))
        .hasMessage("Bad Request: can't parse entities: Character '!' is reserved and must be escaped with the"
            + " preceding '\\'");
    assertThatThrownBy(() -> FormattedText.parse("a *bold", "MarkdownV2"))
        .hasMessage("Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 2");
  }

  @Test
  void givenLegacyMarkdown_whenParsed_thenNoReservedCharacters() {
    FormattedText.Parsed parsed = FormattedText.parse("*Done!* 1.5 (ok)", "Markdown");

    assertThat(parsed.text()).isEqualTo("Done! 1.5 (ok)");
    assertThat(parsed.entities()).containsExactly(TextEntity.of("bold", 0, 5));
  }

  @Test
  void givenNoParseMode_whenParsed_thenTheTextIsAsIs() {
    assertThat(FormattedText.parse("<b>*x*</b>", null).text()).isEqualTo("<b>*x*</b>");
    assertThatThrownBy(() -> FormattedText.parse("x", "BBCode")).hasMessage("Bad Request: unsupported parse_mode");
  }
}
