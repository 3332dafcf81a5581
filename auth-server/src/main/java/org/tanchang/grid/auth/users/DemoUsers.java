package org.tanchang.grid.auth.users;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.tanchang.grid.auth.AuthProperties;

/**
 * The demo users for the places of the local seed (理川镇 621223101 with 杨家村, 拉沙村, 上坪村 and 大舍村; 木耳乡
 * 621223102 with 马莲村, 木耳社区 and 下沟村; 何家堡乡 621223103), upserted by username at start when
 * {@code tanchang.auth.seed-demo-users} is true. They are the people of grid-service's demo data
 * ({@code grid-service/src/main/resources/demo/tanchang.json}): every grid member there is a user here with the
 * member's grids as scope, and everyone on the demo roster (member, responsible officer and mediator of each grid,
 * mediator and supervisor of each township and the county) can sign in. Running it again changes nothing (the stored
 * hash is kept while it still matches the configured demo password).
 */
@Component
public class DemoUsers implements ApplicationRunner {

    static final String COUNTY = "621223";
    static final String LICHUAN = "621223101";
    static final String MUER = "621223102";
    static final String HEJIAPU = "621223103";
    static final String YANGJIA_GRID = "621223101001001";
    static final String YANGJIA_GRID_2 = "621223101001002";
    static final String LASHA_GRID = "621223101002001";
    static final String SHANGPING_GRID = "621223101003001";
    /** 大舍村 lies in 理川镇, as the seed has it (its square holds the 平安法治文化园). */
    static final String DASHE_GRID = "621223101004001";
    /** 马莲村 of 木耳乡, home of the seed's "一窗通办" household registration story. */
    static final String MALIAN_GRID = "621223102001001";
    static final String MUER_GRID = "621223102002001";
    static final String XIAGOU_GRID = "621223102003001";
    /** The grid of the 何家堡 station's grid worker who found the seed's lost handbag. */
    static final String HEJIAPU_GRID = "621223103001001";

    /** username, display name, role, scope. */
    public record Demo(String username, String displayName, Role role, List<String> scopeCodes) {
    }

    public static final List<Demo> DEMO = List.of(
            new Demo("officer.lichuan", "王建国（理川派出所民警）", Role.OFFICER, List.of(LICHUAN)),
            new Demo("officer.muer", "赵志强（木耳派出所民警）", Role.OFFICER, List.of(MUER)),
            new Demo("officer.hejiapu", "张志刚（何家堡派出所民警）", Role.OFFICER, List.of(HEJIAPU)),
            new Demo("auxiliary.lichuan", "马小军（理川辅警）", Role.AUXILIARY_OFFICER, List.of(LICHUAN)),
            new Demo("member.yangjia", "李德明（杨家村网格员）", Role.GRID_MEMBER, List.of(YANGJIA_GRID, YANGJIA_GRID_2)),
            new Demo("member.lasha", "杨春花（拉沙村网格员）", Role.GRID_MEMBER, List.of(LASHA_GRID)),
            new Demo("member.shangping", "王红梅（上坪村网格员）", Role.GRID_MEMBER, List.of(SHANGPING_GRID)),
            new Demo("member.dashe", "马国强（大舍村网格员）", Role.GRID_MEMBER, List.of(DASHE_GRID)),
            new Demo("member.malian", "马红霞（马莲村网格员）", Role.GRID_MEMBER, List.of(MALIAN_GRID)),
            new Demo("member.muer", "陈小军（木耳社区网格员）", Role.GRID_MEMBER, List.of(MUER_GRID)),
            new Demo("member.xiagou", "赵桂兰（下沟村网格员）", Role.GRID_MEMBER, List.of(XIAGOU_GRID)),
            new Demo("member.hejiapu", "何志军（何家堡派出所网格员）", Role.GRID_MEMBER, List.of(HEJIAPU_GRID)),
            new Demo("mediator.lichuan", "陈玉兰（理川镇调解员）", Role.MEDIATOR, List.of(LICHUAN)),
            new Demo("mediator.muer", "杨明珠（木耳乡调解员）", Role.MEDIATOR, List.of(MUER)),
            new Demo("mediator.hejiapu", "何玉梅（何家堡乡调解员）", Role.MEDIATOR, List.of(HEJIAPU)),
            new Demo("mediator.county", "石志华（县人民调解委员会）", Role.MEDIATOR, List.of(COUNTY)),
            new Demo("clerk.lichuan", "刘静（理川镇便民服务窗口）", Role.WINDOW_CLERK, List.of(LICHUAN)),
            new Demo("supervisor.lichuan", "孙国华（理川镇综治中心）", Role.SUPERVISOR, List.of(LICHUAN)),
            new Demo("supervisor.muer", "马建军（木耳乡综治中心）", Role.SUPERVISOR, List.of(MUER)),
            new Demo("supervisor.hejiapu", "李永红（何家堡乡综治中心）", Role.SUPERVISOR, List.of(HEJIAPU)),
            new Demo("supervisor.county", "何建平（县综治中心）", Role.SUPERVISOR, List.of(COUNTY)),
            new Demo("admin", "系统管理员", Role.ADMIN, List.of(COUNTY)),
            new Demo("citizen.liu", "刘桂芳（群众）", Role.CITIZEN, List.of()));

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final UserAccounts users;
    private final PasswordEncoder passwordEncoder;
    private final AuthProperties properties;

    DemoUsers(UserAccounts users, PasswordEncoder passwordEncoder, AuthProperties properties) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.seedDemoUsers()) {
            seed();
        }
    }

    /** Upserts every demo user; idempotent. */
    public void seed() {
        String password = properties.demoPassword();
        for (Demo demo : DEMO) {
            UserAccount existing = users.findByUsername(demo.username()).orElse(null);
            String hash = existing != null && existing.passwordHash() != null
                    && passwordEncoder.matches(password, existing.passwordHash())
                    ? existing.passwordHash() : passwordEncoder.encode(password);
            try {
                users.save(new UserAccount(existing == null ? null : existing.id(), demo.username(),
                        demo.displayName(), hash, List.of(demo.role()), demo.scopeCodes(), true));
            } catch (DuplicateKeyException raced) {
                log.info("demo user {} was created concurrently by another instance", demo.username());
            }
        }
        log.info("seeded {} demo users (one per role; password from AUTH_DEMO_PASSWORD)", DEMO.size());
    }
}
