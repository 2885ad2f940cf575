package io.tidemark.lab;

import org.jspecify.annotations.Nullable;

/** A scenario's attacker: plans every line it leaves into the run's {@link AttackPlan}. */
sealed interface Attack
    permits ProxyLogonAttack, ProxyShellAttack, PasswordSprayAttack, FailedExploitAttack,
        ExchangeOnlineAttack {

  void plan(AttackKit kit);

  /** The attacker of a scenario, or null for the benign organisation. */
  static @Nullable Attack of(Scenario scenario) {
    return switch (scenario) {
      case PROXYLOGON -> new ProxyLogonAttack();
      case PROXYSHELL -> new ProxyShellAttack();
      case PASSWORD_SPRAY -> new PasswordSprayAttack();
      case FAILED_EXPLOIT -> new FailedExploitAttack();
      case BENIGN -> null;
      case EXCHANGE_ONLINE -> new ExchangeOnlineAttack();
    };
  }
}
