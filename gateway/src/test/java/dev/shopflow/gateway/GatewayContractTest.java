package dev.shopflow.gateway;

import dev.shopflow.platform.testsupport.ServiceContract;
import java.util.List;

class GatewayContractTest extends ServiceContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of();
    }
}
