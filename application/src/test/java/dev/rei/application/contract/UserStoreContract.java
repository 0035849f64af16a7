package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import org.junit.jupiter.api.Test;

/** What every {@link dev.rei.application.port.out.UserStore} must do. */
public abstract class UserStoreContract extends StoreContract {

  @Test
  void givenNewUser_insertIfAbsent_storesThemOnce_andTheFirstRegistrationWins() {
    User alice = User.register(ALICE, Language.EN, T0);

    assertThat(kit.users().insertIfAbsent(alice)).isTrue();
    assertThat(kit.users().insertIfAbsent(User.register(ALICE, Language.RU, T0.plusSeconds(9)))).isFalse();

    User stored = kit.users().find(ALICE).orElseThrow();
    assertThat(stored).isEqualTo(alice);
    assertThat(stored.language()).isEqualTo(Language.EN);
    assertThat(stored.registeredAt()).isEqualTo(T0);
    assertThat(stored.bannedAt()).isEmpty();
  }

  @Test
  void givenUnknownUser_findAndLock_areEmpty() {
    assertThat(kit.users().find(ALICE)).isEmpty();
    assertThat(inTransaction(() -> kit.users().lock(ALICE))).isEmpty();
  }

  @Test
  void givenBanLanguageAndUnban_update_storesEachChange() {
    User alice = User.register(ALICE, Language.RU, T0);
    kit.users().insertIfAbsent(alice);

    User banned = alice.ban(T0.plusMillis(1_500)).speaking(Language.EN);
    kit.users().update(banned);
    assertThat(inTransaction(() -> kit.users().lock(ALICE))).contains(banned);
    assertThat(kit.users().find(ALICE).orElseThrow().bannedAt()).contains(T0.plusMillis(1_500));

    User unbanned = banned.unban();
    kit.users().update(unbanned);
    assertThat(kit.users().find(ALICE)).contains(unbanned);
    assertThat(kit.users().find(ALICE).orElseThrow().isBanned()).isFalse();
  }

  @Test
  void givenUnknownUser_update_fails_andStoresNothing() {
    assertThatThrownBy(() -> kit.users().update(User.register(BOB, Language.RU, T0)))
        .isInstanceOf(RuntimeException.class);

    assertThat(kit.users().find(BOB)).isEmpty();
    assertThat(kit.users().count()).isZero();
  }

  @Test
  void givenUsersRegisteredOverTime_countAndCountRegisteredSince_includeTheBoundary() {
    kit.users().insertIfAbsent(User.register(UserId.of(1), Language.RU, T0));
    kit.users().insertIfAbsent(User.register(UserId.of(2), Language.RU, T0.plusSeconds(60)));
    kit.users().insertIfAbsent(User.register(UserId.of(3), Language.EN, T0.plusSeconds(120)));

    assertThat(kit.users().count()).isEqualTo(3);
    assertThat(kit.users().countRegisteredSince(T0)).isEqualTo(3);
    assertThat(kit.users().countRegisteredSince(T0.plusSeconds(60))).isEqualTo(2);
    assertThat(kit.users().countRegisteredSince(T0.plusSeconds(61))).isEqualTo(1);
    assertThat(kit.users().countRegisteredSince(T0.plusSeconds(121))).isZero();
  }

  @Test
  void givenLargestTelegramIds_theyRoundTrip() {
    UserId big = UserId.of(9_999_999_999_999L);
    kit.users().insertIfAbsent(User.register(big, Language.RU, T0));

    assertThat(kit.users().find(big).orElseThrow().id()).isEqualTo(big);
  }

  @Test
  void givenUsernames_rememberAndFind_ignoreLetterCase_andMoveAName_toItsNewOwner() {
    kit.users().insertIfAbsent(User.register(ALICE, Language.RU, T0));
    kit.users().insertIfAbsent(User.register(BOB, Language.RU, T0));
    assertThat(kit.users().usernameOf(ALICE)).isEmpty();

    kit.users().rememberUsername(ALICE, java.util.Optional.of("Alice_01"));
    assertThat(kit.users().usernameOf(ALICE)).contains("Alice_01");
    assertThat(kit.users().findByUsername("alice_01")).contains(ALICE);
    assertThat(kit.users().findByUsername("ALICE_01")).contains(ALICE);
    assertThat(kit.users().findByUsername("alice")).isEmpty();

    kit.users().rememberUsername(BOB, java.util.Optional.of("alice_01"));
    assertThat(kit.users().findByUsername("Alice_01")).contains(BOB);
    assertThat(kit.users().usernameOf(ALICE)).isEmpty();
    assertThat(kit.users().usernameOf(BOB)).contains("alice_01");

    kit.users().rememberUsername(BOB, java.util.Optional.empty());
    assertThat(kit.users().usernameOf(BOB)).isEmpty();
    assertThat(kit.users().findByUsername("alice_01")).isEmpty();
  }

  @Test
  void givenUnknownUser_rememberUsername_storesNothing() {
    kit.users().rememberUsername(ALICE, java.util.Optional.of("ghost"));

    assertThat(kit.users().findByUsername("ghost")).isEmpty();
    assertThat(kit.users().find(ALICE)).isEmpty();
  }
}
