package dev.rei.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {

  private static final UserId ID = UserId.of(123_456_789L);
  private static final Instant REGISTERED = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant FIRST_BAN = REGISTERED.plus(Duration.ofDays(1));
  private static final Instant SECOND_BAN = REGISTERED.plus(Duration.ofDays(2));

  @Test
  void givenFirstContact_register_isAnUnbannedUser() {
    User user = User.register(ID, Language.EN, REGISTERED);

    assertThat(user.id()).isEqualTo(ID);
    assertThat(user.registeredAt()).isEqualTo(REGISTERED);
    assertThat(user.language()).isEqualTo(Language.EN);
    assertThat(user.isBanned()).isFalse();
    assertThat(user.bannedAt()).isEmpty();
  }

  @Test
  void givenUser_ban_recordsTheBanTime() {
    User banned = User.register(ID, Language.RU, REGISTERED).ban(FIRST_BAN);

    assertThat(banned.isBanned()).isTrue();
    assertThat(banned.bannedAt()).contains(FIRST_BAN);
    assertThat(banned.registeredAt()).isEqualTo(REGISTERED);
  }

  @Test
  void givenBannedUser_banAgain_keepsTheFirstBanTime() {
    User banned = User.register(ID, Language.RU, REGISTERED).ban(FIRST_BAN);

    User again = banned.ban(SECOND_BAN);

    assertThat(again.bannedAt()).contains(FIRST_BAN);
    assertThat(again).isEqualTo(banned);
  }

  @Test
  void givenBannedUser_unban_clearsTheBanAndKeepsTheRest() {
    User banned = User.register(ID, Language.EN, REGISTERED).ban(FIRST_BAN);

    User unbanned = banned.unban();

    assertThat(unbanned.isBanned()).isFalse();
    assertThat(unbanned.bannedAt()).isEmpty();
    assertThat(unbanned).isEqualTo(User.register(ID, Language.EN, REGISTERED));
    assertThat(unbanned.ban(SECOND_BAN).bannedAt()).contains(SECOND_BAN);
  }

  @Test
  void givenUnbannedUser_unban_changesNothing() {
    User user = User.register(ID, Language.RU, REGISTERED);

    assertThat(user.unban()).isSameAs(user);
  }

  @Test
  void givenUser_speaking_changesOnlyTheLanguage() {
    User banned = User.register(ID, Language.RU, REGISTERED).ban(FIRST_BAN);

    User english = banned.speaking(Language.EN);

    assertThat(english.language()).isEqualTo(Language.EN);
    assertThat(english.bannedAt()).contains(FIRST_BAN);
    assertThat(english.registeredAt()).isEqualTo(REGISTERED);
    assertThat(english.id()).isEqualTo(ID);
    assertThat(banned.language()).isEqualTo(Language.RU);
  }

  @Test
  void givenStoredRow_restore_rebuildsTheSameUser() {
    User banned = User.register(ID, Language.EN, REGISTERED).ban(FIRST_BAN);

    assertThat(User.restore(ID, REGISTERED, Language.EN, FIRST_BAN)).isEqualTo(banned).hasSameHashCodeAs(banned);
    assertThat(User.restore(ID, REGISTERED, Language.EN, null).isBanned()).isFalse();
  }

  @Test
  void givenUsersDifferingInOneField_equals_tellsThemApart() {
    User user = User.register(ID, Language.RU, REGISTERED);

    assertThat(user).isNotEqualTo(User.register(UserId.of(1), Language.RU, REGISTERED));
    assertThat(user).isNotEqualTo(User.register(ID, Language.EN, REGISTERED));
    assertThat(user).isNotEqualTo(User.register(ID, Language.RU, FIRST_BAN));
    assertThat(user).isNotEqualTo(user.ban(FIRST_BAN));
    assertThat(user).isNotEqualTo("user");
  }

  @Test
  void givenUser_toString_showsIdBanAndLanguage() {
    User user = User.register(ID, Language.EN, REGISTERED);

    assertThat(user).hasToString("User[123456789, EN]");
    assertThat(user.ban(FIRST_BAN)).hasToString("User[123456789, banned, EN]");
  }

  @Test
  void givenMissingFields_construction_isRefused() {
    assertThatThrownBy(() -> User.register(null, Language.RU, REGISTERED)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> User.register(ID, null, REGISTERED)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> User.register(ID, Language.RU, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> User.register(ID, Language.RU, REGISTERED).speaking(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> User.register(ID, Language.RU, REGISTERED).ban(null)).isInstanceOf(NullPointerException.class);
  }
}
