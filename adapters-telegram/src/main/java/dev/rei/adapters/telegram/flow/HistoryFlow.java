package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.AccountStep;
import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.button.Navigation;
import dev.rei.application.port.in.account.GetHistoryUseCase;
import dev.rei.application.port.in.account.GetTransferUseCase;
import dev.rei.application.port.in.account.HistoryPage;
import dev.rei.application.port.in.account.HistoryQuery;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferType;
import dev.rei.domain.user.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * 📜 History: the user's credits of the last 30 days, newest first, ten to a page, filterable by
 * kind; each entry is a button that opens its details (what, when, how much, which payment or job).
 */
public final class HistoryFlow {

  static final int DAYS = 30;
  static final int PAGE_SIZE = 10;
  static final Duration BUTTON_TTL = Duration.ofDays(1);
  /** The filters in the order shown; null is "all". */
  private static final List<HistoryCategory> FILTERS = List.of(HistoryCategory.TOP_UP, HistoryCategory.SPEND,
      HistoryCategory.RETURN, HistoryCategory.BONUS, HistoryCategory.ADJUSTMENT);

  private final FlowKit kit;
  private final GetHistoryUseCase history;
  private final GetTransferUseCase transfers;
  private final HistoryDates dates;

  public HistoryFlow(FlowKit kit, GetHistoryUseCase history, GetTransferUseCase transfers) {
    this.kit = kit;
    this.history = history;
    this.transfers = transfers;
    this.dates = new HistoryDates(kit.texts());
  }

  /** Page {@code page} of the entries of {@code category} (all when null). */
  public void show(ChatUser user, CallbackQuery query, HistoryCategory category, int page) {
    HistoryPage found = history.history(new HistoryQuery(user.id(), DAYS,
        category == null ? Set.of() : Set.of(category), page, PAGE_SIZE));
    Language language = user.language();
    StringBuilder text = new StringBuilder(kit.text(user, "history.title", "days", DAYS,
        "filter", kit.text(user, "history.category." + (category == null ? "ALL" : category.name())),
        "page", page + 1));
    List<List<InlineKeyboardButton>> rows = new ArrayList<>();
    if (found.entries().isEmpty()) {
      text.append("\n\n").append(kit.text(user, page == 0 ? "history.empty" : "history.pageEmpty"));
    } else {
      text.append("\n\n").append(kit.text(user, "history.hint"));
    }
    AccountId account = AccountId.user(user.id());
    for (Transfer entry : found.entries()) {
      String label = kit.text(user, "history.entry", "amount", signed(entry, account),
          "what", kit.text(user, "history.kind." + what(entry)), "when", dates.brief(language, entry.createdAt()));
      rows.add(List.of(step(user, label, new AccountStep.HistoryEntry(entry.id().toString(), category, page))));
    }
    List<InlineKeyboardButton> paging = new ArrayList<>();
    if (page > 0) {
      paging.add(step(user, kit.text(user, "button.previous"), new AccountStep.HistoryPage(category, page - 1)));
    }
    if (found.hasMore()) {
      paging.add(step(user, kit.text(user, "button.next"), new AccountStep.HistoryPage(category, page + 1)));
    }
    if (!paging.isEmpty()) {
      rows.add(paging);
    }
    rows.addAll(filterRows(user, category));
    rows.add(List.of(kit.keyboards().nav(language, "button.account.back", Navigation.ACCOUNT),
        kit.keyboards().menuButton(language)));
    AccountScreens.show(kit, user, query, text.toString(), Keyboards.rows(rows));
  }

  /** A press on a history button. */
  void press(ChatUser user, CallbackQuery query, AccountStep step) {
    if (step instanceof AccountStep.HistoryPage page) {
      kit.replies().answer(query.getId(), null);
      show(user, query, page.category(), page.page());
    } else if (step instanceof AccountStep.HistoryEntry entry) {
      details(user, query, entry);
    }
  }

  private void details(ChatUser user, CallbackQuery query, AccountStep.HistoryEntry entry) {
    Optional<Transfer> found;
    try {
      found = transfers.transfer(user.id(), TransferId.parse(entry.transferId()));
    } catch (IllegalArgumentException e) {
      found = Optional.empty();
    }
    if (found.isEmpty()) {
      kit.replies().answer(query.getId(), kit.text(user, "button.outdated"));
      return;
    }
    kit.replies().answer(query.getId(), null);
    Transfer transfer = found.get();
    Language language = user.language();
    ReferenceType reference = transfer.memo().referenceType();
    String text = kit.text(user, "history.details",
        "what", kit.text(user, "history.kind." + what(transfer)),
        "when", dates.full(language, transfer.createdAt()),
        "amount", kit.text(user, "history.amount", "sign", sign(transfer, AccountId.user(user.id())),
            "credits", transfer.amount()),
        "reference", kit.text(user, "history.reference." + reference.name(), "id", transfer.memo().referenceId()),
        "note", transfer.memo().note().isBlank() ? "" : kit.text(user, "history.note", "note", transfer.memo().note()),
        "reason", transfer.releaseReason().map(r -> kit.text(user, "history.reason." + r.name())).orElse(""));
    InlineKeyboardButton back = step(user, kit.text(user, "button.backToHistory"),
        new AccountStep.HistoryPage(entry.category(), entry.page()));
    AccountScreens.show(kit, user, query, text,
        Keyboards.rows(List.of(List.of(back), List.of(kit.keyboards().menuButton(language)))));
  }

  private List<List<InlineKeyboardButton>> filterRows(ChatUser user, HistoryCategory current) {
    List<InlineKeyboardButton> all = new ArrayList<>();
    all.add(filter(user, null, current));
    for (HistoryCategory category : FILTERS) {
      all.add(filter(user, category, current));
    }
    return List.of(all.subList(0, 3), all.subList(3, 6));
  }

  private InlineKeyboardButton filter(ChatUser user, HistoryCategory category, HistoryCategory current) {
    String name = kit.text(user, "history.category." + (category == null ? "ALL" : category.name()));
    String label = category == current ? "• " + name : name;
    return step(user, label, new AccountStep.HistoryPage(category, 0));
  }

  private InlineKeyboardButton step(ChatUser user, String label, AccountStep step) {
    return kit.buttons().button(label, new ButtonAction.Account(user.id().value(), step), BUTTON_TTL);
  }

  /** What an entry meant to the user, as a text key suffix. */
  static String what(Transfer transfer) {
    if (transfer.kind() != TransferKind.SPEND) {
      return transfer.kind().name();
    }
    if (transfer.category() == HistoryCategory.RETURN) {
      return "RETURN";
    }
    return transfer.type() == TransferType.HOLD ? "HOLD" : "SPEND";
  }

  /** "+", "−" or "🔒 −": credits in, out, or held for an order. */
  static String sign(Transfer transfer, AccountId account) {
    if (transfer.type() == TransferType.HOLD) {
      return "🔒 −";
    }
    if (transfer.type() == TransferType.RELEASE) {
      return "+";
    }
    if (transfer.amount().isZero()) {
      return "";
    }
    return transfer.credit().equals(account) ? "+" : "−";
  }

  private static String signed(Transfer transfer, AccountId account) {
    return sign(transfer, account) + transfer.amount().value();
  }
}
