package dev.rei.application.service.admin;

import static dev.rei.application.service.admin.AdminSteps.ADMIN;
import static dev.rei.application.service.admin.AdminSteps.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.AdminResult;
import dev.rei.application.port.in.admin.BanUserCommand;
import dev.rei.application.port.in.admin.UnbanUserCommand;
import dev.rei.application.port.in.order.OrderRefusal;
import dev.rei.application.port.in.order.PlaceOrderResult;
import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.TopUpChoice;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.in.payment.TopUpStartRefusal;
import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.Notice;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BanUserServiceTest {

  private final InMemoryCore core = new InMemoryCore();
  private final AdminSteps given = new AdminSteps(core);

  @BeforeEach
  void registerAlice() {
    given.register(ALICE);
  }

  private AdminResult ban(UserId admin, UserId target) {
    return given.ban.ban(new BanUserCommand(admin, target, "spam in the support chat"));
  }

  private AdminResult unban(UserId admin, UserId target) {
    return given.unban.unban(new UnbanUserCommand(admin, target, "apologised"));
  }

  @Test
  void givenUser_ban_bansThemAuditsAndTellsThem() {
    Instant bannedAt = core.clock.now();

    AdminResult result = ban(ADMIN, ALICE);

    assertThat(result).isEqualTo(new AdminResult.Done("user " + ALICE + " banned"));
    assertThat(given.user(ALICE).bannedAt()).contains(bannedAt);
    assertThat(core.auditLog.about(ALICE, 10)).singleElement().isEqualTo(
        new AuditLog.Entry(ADMIN, "ban", ALICE, "banned", "spam in the support chat", bannedAt));
    assertThat(given.messagesTo(ALICE)).filteredOn(m -> m.notice().type() == Notice.Type.BANNED)
        .singleElement().satisfies(m -> assertThat(m.notice().values()).isEmpty());
  }

  @Test
  void givenBannedUser_startTopUpAndOrders_areRefused() {
    ban(ADMIN, ALICE);

    assertThat(core.startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.YOOKASSA,
        new TopUpChoice.Package("rub-100")))).isEqualTo(new TopUpStart.Refused(TopUpStartRefusal.BANNED));
    assertThat(given.tryOrder(ALICE, 1, "press-1")).isEqualTo(new PlaceOrderResult.Refused(OrderRefusal.BANNED));
  }

  @Test
  void givenBannedUser_banAgain_keepsTheFirstBanTellsNothingButIsAudited() {
    Instant first = core.clock.now();
    ban(ADMIN, ALICE);
    core.clock.advance(Duration.ofHours(1));

    AdminResult again = ban(ADMIN, ALICE);

    assertThat(again).isInstanceOf(AdminResult.Done.class);
    assertThat(((AdminResult.Done) again).summary()).contains("already banned");
    assertThat(given.user(ALICE).bannedAt()).contains(first);
    assertThat(given.noticesTo(ALICE)).containsOnlyOnce(Notice.Type.BANNED);
    assertThat(core.auditLog.about(ALICE, 10)).hasSize(2).first()
        .extracting(AuditLog.Entry::details).asString().contains("nothing changed");
  }

  @Test
  void givenBannedUser_unban_liftsTheBanAuditsAndTellsThem() {
    ban(ADMIN, ALICE);

    AdminResult result = unban(ADMIN, ALICE);

    assertThat(result).isEqualTo(new AdminResult.Done("user " + ALICE + " unbanned"));
    assertThat(given.user(ALICE).isBanned()).isFalse();
    assertThat(core.auditLog.about(ALICE, 10)).first().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo("unban");
      assertThat(entry.reason()).isEqualTo("apologised");
    });
    assertThat(given.noticesTo(ALICE)).containsOnlyOnce(Notice.Type.UNBANNED);
    assertThat(core.startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.YOOKASSA,
        new TopUpChoice.Package("rub-100")))).isInstanceOf(TopUpStart.Started.class);
  }

  @Test
  void givenUserNotBanned_unban_changesAndTellsNothingButIsAudited() {
    AdminResult result = unban(ADMIN, ALICE);

    assertThat(((AdminResult.Done) result).summary()).contains("was not banned");
    assertThat(given.noticesTo(ALICE)).doesNotContain(Notice.Type.UNBANNED);
    assertThat(core.auditLog.about(ALICE, 10)).singleElement()
        .extracting(AuditLog.Entry::details).asString().contains("nothing changed");
  }

  @Test
  void givenUnknownUser_banAndUnban_areRefused() {
    assertThat(ban(ADMIN, UserId.of(4242))).isEqualTo(new AdminResult.Refused(AdminRefusal.UNKNOWN_USER));
    assertThat(unban(ADMIN, UserId.of(4242))).isEqualTo(new AdminResult.Refused(AdminRefusal.UNKNOWN_USER));
    assertThat(core.auditLog.about(UserId.of(4242), 10)).isEmpty();
  }

  @Test
  void givenAnAdminAsTarget_ban_isRefused() {
    given.register(ADMIN);

    assertThat(ban(ADMIN, ADMIN)).isEqualTo(new AdminResult.Refused(AdminRefusal.TARGET_IS_AN_ADMIN));
    assertThat(given.user(ADMIN).isBanned()).isFalse();
  }

  @Test
  void givenNonAdmin_banAndUnban_areRefusedAndChangeNothing() {
    UserId bob = UserId.of(1002);
    given.register(bob);
    ban(ADMIN, bob);

    assertThat(ban(ALICE, bob)).isEqualTo(new AdminResult.Refused(AdminRefusal.NOT_AN_ADMIN));
    assertThat(unban(ALICE, bob)).isEqualTo(new AdminResult.Refused(AdminRefusal.NOT_AN_ADMIN));
    assertThat(given.user(bob).isBanned()).isTrue();
    assertThat(core.auditLog.about(bob, 10)).hasSize(1);
  }

  @Test
  void givenBlankOrOverlongReason_commands_cannotBeBuilt() {
    assertThatIllegalArgumentException().isThrownBy(() -> new BanUserCommand(ADMIN, ALICE, ""));
    assertThatIllegalArgumentException().isThrownBy(() -> new UnbanUserCommand(ADMIN, ALICE, "x".repeat(501)));
  }
}
