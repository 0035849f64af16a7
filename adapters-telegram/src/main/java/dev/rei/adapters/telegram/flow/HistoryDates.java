package dev.rei.adapters.telegram.flow;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import dev.rei.adapters.telegram.text.Texts;
import dev.rei.domain.user.Language;
import java.time.Instant;
import java.util.Date;

/**
 * Dates of history entries in the reader's language and the bot's time zone (the texts name it,
 * Moscow by default, as the product is Russian): short in lists, full in an entry's details.
 */
final class HistoryDates {

  private final Texts texts;

  HistoryDates(Texts texts) {
    this.texts = texts;
  }

  /** "3 июн., 14:05". */
  String brief(Language language, Instant at) {
    return format(language, at, "dMMMHHmm");
  }

  /** "3 июня 2026 г., 14:05 МСК". */
  String full(Language language, Instant at) {
    return format(language, at, "dMMMMyHHmm") + " " + texts.text(language, "history.zoneName");
  }

  private String format(Language language, Instant at, String skeleton) {
    DateFormat format = DateFormat.getInstanceForSkeleton(skeleton, new ULocale(language.code()));
    format.setTimeZone(TimeZone.getTimeZone(texts.text(language, "history.zone")));
    return format.format(Date.from(at));
  }
}
