package dev.rei.application.service.user;

import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.in.user.RegisterUserUseCase;
import dev.rei.application.port.in.user.Registration;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.application.service.Notifier;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.user.User;
import java.util.Map;

/** Registers users with their account and welcome bonus in one transaction. */
public final class RegisterUserService implements RegisterUserUseCase {

  private final UnitOfWork unitOfWork;
  private final UserStore users;
  private final LedgerStore ledger;
  private final Notifier notifier;
  private final Clock clock;
  private final IdGenerator ids;
  private final Credits welcomeBonus;

  public RegisterUserService(UnitOfWork unitOfWork, UserStore users, LedgerStore ledger, Notifier notifier,
      Clock clock, IdGenerator ids, Credits welcomeBonus) {
    this.unitOfWork = unitOfWork;
    this.users = users;
    this.ledger = ledger;
    this.notifier = notifier;
    this.clock = clock;
    this.ids = ids;
    this.welcomeBonus = welcomeBonus;
  }

  @Override
  public Registration register(RegisterUserCommand command) {
    return unitOfWork.inTransaction(() -> {
      User candidate = User.register(command.user(), command.language(), clock.now());
      if (!users.insertIfAbsent(candidate)) {
        User existing = users.find(command.user()).orElseThrow();
        return new Registration(existing, false, ledger.balanceOf(command.user()));
      }
      ledger.openAccount(command.user());
      if (welcomeBonus.isPositive()) {
        TransferRequest.Post bonus = new TransferRequest.Post(IdempotencyKey.of("welcome", command.user()),
            SystemAccount.BONUS, AccountId.user(command.user()), welcomeBonus, TransferKind.BONUS,
            TransferMemo.of(ReferenceType.REGISTRATION, command.user()));
        TransferResult result = ledger.apply(bonus, TransferId.of(ids.newId()), clock.now());
        if (result instanceof TransferResult.Refused refused) {
          throw new IllegalStateException("welcome bonus refused: " + refused.reason());
        }
      }
      notifier.tell(command.user(), Notice.Type.WELCOME, Map.of("bonus", welcomeBonus.toString()));
      return new Registration(candidate, true, ledger.balanceOf(command.user()));
    });
  }
}
