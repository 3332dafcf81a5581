package org.tanchang.grid.auth.users;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Form login against the {@code users} collection; authorities are {@code ROLE_<role>}. */
@Service
class MongoUserDetailsService implements UserDetailsService {

    private final UserAccounts users;

    MongoUserDetailsService(UserAccounts users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .roles(user.roleNames().toArray(String[]::new))
                .disabled(!user.enabled())
                .build();
    }
}
