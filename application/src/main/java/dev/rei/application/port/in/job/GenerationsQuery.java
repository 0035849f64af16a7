package dev.rei.application.port.in.job;

import dev.rei.domain.user.UserId;
import java.util.Objects;

/** One page of {@code user}'s generations over the last {@code days} days, pages counted from 0. */
public record GenerationsQuery(UserId user, int days, int page, int pageSize) {

  public static final int MAX_DAYS = 365;
  public static final int MAX_PAGE_SIZE = 50;

  public GenerationsQuery {
    Objects.requireNonNull(user, "user");
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be 1.." + MAX_DAYS + ", was " + days);
    }
    if (page < 0) {
      throw new IllegalArgumentException("page cannot be negative, was " + page);
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE + ", was " + pageSize);
    }
    // The store reads offset + pageSize + 1 rows; that count must fit an int.
    if ((long) page * pageSize + pageSize + 1 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("page " + page + " is beyond any history");
    }
  }

  /** How many generations come before this page. */
  public int offset() {
    return page * pageSize;
  }
}
