package org.tanchang.grid.auth.users;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface UserAccounts extends MongoRepository<UserAccount, String> {

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByMobileHash(String mobileHash);
}
