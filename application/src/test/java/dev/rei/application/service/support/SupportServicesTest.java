package dev.rei.application.service.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.support.AnswerSupportCommand;
import dev.rei.application.port.in.support.AnswerSupportResult;
import dev.rei.application.port.in.support.ContactSupportCommand;
import dev.rei.application.port.in.support.ContactSupportResult;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.application.service.Admins;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupportServicesTest {

  private static final UserId ALICE = UserId.of(4001);
  private static final long SUPPORT_CHAT = -100_777;

  private final InMemoryCore core = new InMemoryCore();

  @BeforeEach
  void registerAlice() {
    core.register.register(new RegisterUserCommand(ALICE, Language.EN));
  }

  private List<OutboxMessage> support() {
    return core.outbox.all().stream().filter(m -> m.notice().type() == Notice.Type.SUPPORT_MESSAGE).toList();
  }

  private static ContactSupportCommand message(String text) {
    return new ContactSupportCommand(ALICE, Optional.of("alice"), Optional.of("Alice"), text, Optional.empty());
  }

  @Test
  void givenNoSupportChat_contactSupport_writesToEveryAdminWithWhoWrote() {
    ContactSupportResult result = core.contactSupport.contactSupport(message("my video never came"));

    assertThat(result).isEqualTo(ContactSupportResult.SENT);
    assertThat(support()).singleElement().satisfies(m -> {
      assertThat(m.chatId()).isEqualTo(InMemoryCore.ADMIN.value());
      assertThat(m.notice().values()).containsEntry("userId", "4001").containsEntry("username", "alice")
          .containsEntry("name", "Alice").containsEntry("language", "en")
          .containsEntry("text", "my video never came").doesNotContainKey("photo");
    });
  }

  @Test
  void givenSupportChat_contactSupport_writesThereOnly_withThePhoto() {
    ContactSupportService service = new ContactSupportService(core.db, core.users, core.notifier,
        new Admins(Set.of(InMemoryCore.ADMIN, UserId.of(901))), Optional.of(SUPPORT_CHAT));

    service.contactSupport(new ContactSupportCommand(ALICE, Optional.empty(), Optional.empty(), "",
        Optional.of("photo-file-1")));

    assertThat(support()).singleElement().satisfies(m -> {
      assertThat(m.chatId()).isEqualTo(SUPPORT_CHAT);
      assertThat(m.notice().values()).containsEntry("photo", "photo-file-1").doesNotContainKey("username");
    });
  }

  @Test
  void givenNobodyToRead_contactSupport_isRefused() {
    ContactSupportService service = new ContactSupportService(core.db, core.users, core.notifier,
        new Admins(Set.of()), Optional.empty());

    assertThat(service.contactSupport(message("hello?"))).isEqualTo(ContactSupportResult.NOBODY_TO_TELL);
    assertThat(support()).isEmpty();
  }

  @Test
  void givenUnknownUser_contactSupport_isRefused() {
    ContactSupportResult result = core.contactSupport.contactSupport(new ContactSupportCommand(UserId.of(4999),
        Optional.empty(), Optional.empty(), "who am I", Optional.empty()));

    assertThat(result).isEqualTo(ContactSupportResult.UNKNOWN_USER);
    assertThat(support()).isEmpty();
  }

  @Test
  void givenEmptyOrTooLongText_command_cannotExist() {
    assertThatIllegalArgumentException().isThrownBy(() -> message("   "));
    assertThatIllegalArgumentException().isThrownBy(() -> message("x".repeat(3_001)));
    assertThat(message("x".repeat(3_000)).text()).hasSize(3_000);
  }

  @Test
  void givenAdmin_answer_writesTheAnswerToTheUser() {
    AnswerSupportResult result = core.answerSupport.answer(
        new AnswerSupportCommand(InMemoryCore.ADMIN, ALICE, "It is on its way"));

    assertThat(result).isEqualTo(AnswerSupportResult.SENT);
    assertThat(core.outbox.all()).filteredOn(m -> m.notice().type() == Notice.Type.SUPPORT_ANSWER).singleElement()
        .satisfies(m -> {
          assertThat(m.chatId()).isEqualTo(ALICE.value());
          assertThat(m.notice().values()).containsEntry("text", "It is on its way");
        });
  }

  @Test
  void givenNonAdminOrUnknownUser_answer_isRefusedAndWritesNothing() {
    assertThat(core.answerSupport.answer(new AnswerSupportCommand(ALICE, ALICE, "I am support, honest")))
        .isEqualTo(AnswerSupportResult.NOT_AN_ADMIN);
    assertThat(core.answerSupport.answer(new AnswerSupportCommand(InMemoryCore.ADMIN, UserId.of(4999), "hi")))
        .isEqualTo(AnswerSupportResult.UNKNOWN_USER);
    assertThat(core.outbox.all()).noneMatch(m -> m.notice().type() == Notice.Type.SUPPORT_ANSWER);
  }
}
