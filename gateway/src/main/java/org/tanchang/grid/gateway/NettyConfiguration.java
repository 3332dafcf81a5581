package org.tanchang.grid.gateway;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's server connections: error answers made below Spring become problems (see EmptyErrorAnswers). */
@Configuration(proxyBeanMethods = false)
class NettyConfiguration {

    @Bean
    NettyServerCustomizer emptyErrorAnswers(JsonMapper json) {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, EmptyErrorAnswers.NAME, new EmptyErrorAnswers(json));
            }
        });
    }
}
