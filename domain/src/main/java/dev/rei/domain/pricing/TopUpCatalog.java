package dev.rei.domain.pricing;

import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.Rail;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The top-ups on offer: packages per rail, and at most one custom-amount rule per rail. */
public record TopUpCatalog(List<TopUpPackage> packages, List<CustomAmountRule> customAmounts) {

  public TopUpCatalog {
    packages = List.copyOf(packages);
    customAmounts = List.copyOf(customAmounts);
    Set<String> codes = new HashSet<>();
    for (TopUpPackage topUp : packages) {
      if (!codes.add(topUp.rail() + "/" + topUp.code())) {
        throw new IllegalArgumentException("package " + topUp.code() + " is listed twice for " + topUp.rail());
      }
    }
    Set<Rail> rails = new HashSet<>();
    for (CustomAmountRule rule : customAmounts) {
      if (!rails.add(rule.rail())) {
        throw new IllegalArgumentException("two custom-amount rules for " + rule.rail());
      }
    }
  }

  /** This catalogue with the offers of {@code rails} only (the rails that have a gateway). */
  public TopUpCatalog onlyRails(Set<Rail> rails) {
    return new TopUpCatalog(packages.stream().filter(p -> rails.contains(p.rail())).toList(),
        customAmounts.stream().filter(r -> rails.contains(r.rail())).toList());
  }

  /** The packages of {@code rail}, in the order configured. */
  public List<TopUpPackage> packagesFor(Rail rail) {
    return packages.stream().filter(p -> p.rail() == rail).toList();
  }

  public Optional<CustomAmountRule> customAmountFor(Rail rail) {
    return customAmounts.stream().filter(r -> r.rail() == rail).findFirst();
  }

  /** The offer of package {@code code} on {@code rail}; the code may come from a button, so it is checked. */
  public TopUpResult offerPackage(Rail rail, String code) {
    Objects.requireNonNull(rail, "rail");
    return packagesFor(rail).stream()
        .filter(p -> p.code().equals(code))
        .findFirst()
        .<TopUpResult>map(p -> new TopUpResult.Offered(p.offer()))
        .orElseGet(() -> new TopUpResult.Refused(TopUpRefusal.UNKNOWN_PACKAGE));
  }

  public TopUpResult offerCustom(Rail rail, Credits wanted) {
    Objects.requireNonNull(rail, "rail");
    return customAmountFor(rail)
        .map(rule -> rule.offer(wanted))
        .orElseGet(() -> new TopUpResult.Refused(TopUpRefusal.CUSTOM_AMOUNT_NOT_OFFERED));
  }
}
