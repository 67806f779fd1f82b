package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.NetworkRow;
import io.kumo.dashboard.cloud.Networks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The networks the project can use with their subnets (create one with a subnet, delete one of its own), its
 * ports (which instance uses each), and its security groups' rules (add an ingress rule, delete one).
 */
@Controller
class NetworksController {

    private static final Map<String, String[]> NETWORK_FIELDS = new LinkedHashMap<>();
    private static final Map<String, String[]> RULE_FIELDS = new LinkedHashMap<>();

    static {
        NETWORK_FIELDS.put("cidr", new String[] {"cidr", "subnet", "prefix", "address"});
        NETWORK_FIELDS.put("name", new String[] {"name", "network"});
        RULE_FIELDS.put("port", new String[] {"port"});
        RULE_FIELDS.put("protocol", new String[] {"protocol"});
        RULE_FIELDS.put("remote", new String[] {"remote", "prefix", "cidr", "ip address"});
        RULE_FIELDS.put("groupId", new String[] {"security group", "security_group"});
    }

    private final Networks networks;

    NetworksController(Networks networks) {
        this.networks = networks;
    }

    record NetworkForm(String name, String cidr) {
    }

    record RuleForm(String groupId, String protocol, String port, String remote) {
    }

    @GetMapping("/networks")
    String list(@AuthenticationPrincipal CloudSession session, Model model) {
        return show(session, new NetworkForm("", ""), new RuleForm("", "tcp", "", "0.0.0.0/0"), model);
    }

    @PostMapping("/networks")
    String create(@AuthenticationPrincipal CloudSession session, NetworkForm form, Model model,
            RedirectAttributes redirect) {
        try {
            networks.create(session, form.name(), form.cidr());
            redirect.addFlashAttribute("notice", "Created network " + Objects.toString(form.name(), "").strip() + ".");
            return "redirect:/networks";
        } catch (CloudError refused) {
            FormErrors.show(model, refused, NETWORK_FIELDS);
            return show(session, form, new RuleForm("", "tcp", "", "0.0.0.0/0"), model);
        }
    }

    @PostMapping("/networks/{id}/delete")
    String delete(@AuthenticationPrincipal CloudSession session, @PathVariable String id,
            RedirectAttributes redirect) {
        Changes.run(redirect, "Deleted the network.", () -> networks.delete(session, id));
        return "redirect:/networks";
    }

    @PostMapping("/security-rules")
    String addRule(@AuthenticationPrincipal CloudSession session, RuleForm form, Model model,
            RedirectAttributes redirect) {
        try {
            networks.addRule(session, form.groupId(), form.protocol(), form.port(), form.remote());
            redirect.addFlashAttribute("notice", "Added the rule.");
            return "redirect:/networks#rules";
        } catch (CloudError refused) {
            FormErrors.show(model, refused, RULE_FIELDS);
            return show(session, new NetworkForm("", ""), form, model);
        }
    }

    @PostMapping("/security-rules/{id}/delete")
    String deleteRule(@AuthenticationPrincipal CloudSession session, @PathVariable String id,
            RedirectAttributes redirect) {
        Changes.run(redirect, "Deleted the rule.", () -> networks.deleteRule(session, id));
        return "redirect:/networks#rules";
    }

    private String show(CloudSession session, NetworkForm network, RuleForm rule, Model model) {
        model.addAttribute("page", "networks");
        model.addAttribute("networkForm", network);
        model.addAttribute("ruleForm", rule);
        List<NetworkRow> all = networks.networks(session);
        model.addAttribute("networks", all);
        model.addAttribute("ports", networks.ports(session, all));
        model.addAttribute("rules", networks.securityRules(session));
        model.addAttribute("groups", networks.securityGroups(session));
        return "networks";
    }
}
