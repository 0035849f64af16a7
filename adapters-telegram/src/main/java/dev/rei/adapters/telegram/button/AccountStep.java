package dev.rei.adapters.telegram.button;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.payment.Rail;
import java.util.Objects;

/**
 * What a press on the 👤 Account, 💳 Top-up or 📜 History screens asks for. It is stored on our side
 * with the button (never in callback data), so a rail, a package code, a payment id or a transfer id
 * reaches the flows only as the bot itself wrote it for this user.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "s")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AccountStep.ChooseRail.class, name = "rail"),
    @JsonSubTypes.Type(value = AccountStep.ChoosePackage.class, name = "package"),
    @JsonSubTypes.Type(value = AccountStep.CustomAmount.class, name = "custom"),
    @JsonSubTypes.Type(value = AccountStep.CheckPayment.class, name = "check"),
    @JsonSubTypes.Type(value = AccountStep.HistoryPage.class, name = "history"),
    @JsonSubTypes.Type(value = AccountStep.HistoryEntry.class, name = "entry")
})
public sealed interface AccountStep {

  /** Show the packages of {@code rail}. */
  record ChooseRail(Rail rail) implements AccountStep {
    public ChooseRail {
      Objects.requireNonNull(rail, "rail");
    }
  }

  /** Buy package {@code code} of {@code rail}. */
  record ChoosePackage(Rail rail, String code) implements AccountStep {
    public ChoosePackage {
      Objects.requireNonNull(rail, "rail");
      Objects.requireNonNull(code, "code");
    }
  }

  /** Ask for a number of credits to buy on {@code rail}. */
  record CustomAmount(Rail rail) implements AccountStep {
    public CustomAmount {
      Objects.requireNonNull(rail, "rail");
    }
  }

  /** "🔄 Check payment" of payment {@code paymentId}. */
  record CheckPayment(String paymentId) implements AccountStep {
    public CheckPayment {
      Objects.requireNonNull(paymentId, "paymentId");
    }
  }

  /** Page {@code page} of the history, of {@code category} only, or all when it is null. */
  record HistoryPage(HistoryCategory category, int page) implements AccountStep {
    public HistoryPage {
      if (page < 0) {
        throw new IllegalArgumentException("page cannot be negative");
      }
    }
  }

  /** The details of transfer {@code transferId}; "back" returns to the page it was listed on. */
  record HistoryEntry(String transferId, HistoryCategory category, int page) implements AccountStep {
    public HistoryEntry {
      Objects.requireNonNull(transferId, "transferId");
      if (page < 0) {
        throw new IllegalArgumentException("page cannot be negative");
      }
    }
  }
}
