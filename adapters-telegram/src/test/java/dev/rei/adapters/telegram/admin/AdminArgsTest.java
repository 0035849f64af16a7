package dev.rei.adapters.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdminArgsTest {

  @Test
  void givenIdOrUsername_who_readsThem_andRefusesAnythingElse() {
    assertThat(AdminArgs.who("123456789")).contains(new AdminArgs.Who.Id(123_456_789L));
    assertThat(AdminArgs.who("@Ivan_Petrov")).contains(new AdminArgs.Who.Username("Ivan_Petrov"));
    assertThat(AdminArgs.who("ivan_petrov")).contains(new AdminArgs.Who.Username("ivan_petrov"));
    assertThat(AdminArgs.who("@123456")).contains(new AdminArgs.Who.Username("123456"));
    assertThat(AdminArgs.who("0")).isEmpty();
    assertThat(AdminArgs.who("-5")).isEmpty();
    assertThat(AdminArgs.who("12345678901234567")).isEmpty();
    assertThat(AdminArgs.who("@abc")).isEmpty();
    assertThat(AdminArgs.who("ivan-petrov")).isEmpty();
    assertThat(AdminArgs.who("@" + "a".repeat(33))).isEmpty();
  }

  @Test
  void givenAmounts_credits_acceptsWholePositiveNumbersUpToTheLimit() {
    assertThat(AdminArgs.credits("50")).hasValue(50);
    assertThat(AdminArgs.credits("1000000000")).hasValue(AdminArgs.MAX_CREDITS);
    assertThat(AdminArgs.credits("1000000001")).isEmpty();
    assertThat(AdminArgs.credits("0")).isEmpty();
    assertThat(AdminArgs.credits("-3")).isEmpty();
    assertThat(AdminArgs.credits("2.5")).isEmpty();
    assertThat(AdminArgs.credits("05")).isEmpty();
    assertThat(AdminArgs.credits("99999999999")).isEmpty();
  }

  @Test
  void givenText_theReasonIsTheRestAsTyped_orTheDash_andTooLongIsRefused() {
    AdminArgs args = AdminArgs.of("  @ivan   50  сбой   оплаты  ");

    assertThat(args.count()).isEqualTo(4);
    assertThat(args.word(0)).isEqualTo("@ivan");
    assertThat(args.reason(2)).contains("сбой   оплаты");
    assertThat(AdminArgs.of("@ivan 50").reason(2)).contains(AdminArgs.NO_REASON);
    assertThat(AdminArgs.of("").count()).isZero();
    assertThat(AdminArgs.of("1 2 " + "x".repeat(500)).reason(2)).hasValueSatisfying(r -> assertThat(r).hasSize(500));
    assertThat(AdminArgs.of("1 2 " + "x".repeat(501)).reason(2)).isEmpty();
  }

  @Test
  void givenIds_uuid_acceptsOnlyTheCanonicalForm() {
    UUID id = UUID.randomUUID();

    assertThat(AdminArgs.uuid(id.toString())).contains(id);
    assertThat(AdminArgs.uuid(id.toString().toUpperCase())).contains(id);
    assertThat(AdminArgs.uuid("42")).isEmpty();
    assertThat(AdminArgs.uuid(id.toString().replace("-", ""))).isEmpty();
  }
}
