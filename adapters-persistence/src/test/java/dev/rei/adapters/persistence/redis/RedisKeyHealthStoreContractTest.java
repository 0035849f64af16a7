package dev.rei.adapters.persistence.redis;

import dev.rei.application.contract.KeyHealthStoreContract;
import dev.rei.application.port.out.KeyHealthStore;
import org.junit.jupiter.api.AfterEach;

class RedisKeyHealthStoreContractTest extends KeyHealthStoreContract {

  private RedisConnection connection;

  @Override
  protected KeyHealthStore newStore() {
    connection = TestRedis.fresh();
    return new RedisKeyHealthStore(connection);
  }

  @AfterEach
  void drop() {
    TestRedis.drop(connection);
  }
}
