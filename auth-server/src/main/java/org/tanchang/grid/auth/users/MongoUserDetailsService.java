package org.tanchang.grid.auth.users;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Form login against the {@code users} collection; authorities are {@code ROLE_<role>}. A mobile number in the
 * username field signs a citizen in: the account is found by the number's hash and the principal (the token subject)
 * is its opaque username, never the number.
 */
@Service
class MongoUserDetailsService implements UserDetailsService {

    private final UserAccounts users;
    private final MobileLogin mobiles;

    MongoUserDetailsService(UserAccounts users, MobileLogin mobiles) {
        this.users = users;
        this.mobiles = mobiles;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount user = MobileLogin.normalise(username)
                .flatMap(mobile -> users.findByMobileHash(mobiles.hash(mobile)))
                .or(() -> users.findByUsername(username))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .roles(user.roleNames().toArray(String[]::new))
                .disabled(!user.enabled())
                .build();
    }
}
