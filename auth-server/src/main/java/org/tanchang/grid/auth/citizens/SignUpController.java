package org.tanchang.grid.auth.citizens;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.PublicEndpoint;

/** A citizen's own account, confirmed by a code sent to their mobile; open without a token. */
@RestController
@RequestMapping("/api/citizens/sign-up")
@Tag(name = "Citizen sign-up", description = "A citizen signs up with a mobile number and a code sent to it by SMS, "
        + "then signs in with the number and sees their own matters")
class SignUpController {

    private final SignUps signUps;

    SignUpController(SignUps signUps) {
        this.signUps = signUps;
    }

    record Start(@NotBlank String mobile) {
    }

    record Confirm(@NotBlank String mobile, @NotBlank @Pattern(regexp = "\\d{6}", message = "6 digits") String code,
            @NotBlank @Size(min = 8, max = 128) String password, @Size(max = 40) String displayName) {
    }

    record Accepted(String detail) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PublicEndpoint
    @Operation(operationId = "startCitizenSignUp", summary = "Send me a sign-up code",
            description = "Sends a 6-digit code by SMS, valid for minutes. The answer is the same whether the number "
                    + "already has an account or not; a few codes per number and hour, then 429.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"mobile":"13800138000"}""")))
    @ApiResponse(responseCode = "202", description = "A code is on its way if the number can sign up")
    @ApiResponse(responseCode = "400", description = "Not a mainland mobile number")
    @ApiResponse(responseCode = "429", description = "Too many codes for this number for now")
    Accepted start(@Valid @RequestBody Start request) {
        signUps.start(request.mobile());
        return new Accepted("If this number can sign up, a code is on its way by SMS");
    }

    @PostMapping("/confirm")
    @ResponseStatus(HttpStatus.CREATED)
    @PublicEndpoint
    @Operation(operationId = "confirmCitizenSignUp", summary = "Confirm with the code and set a password",
            description = "Creates the CITIZEN account. Its subject is an opaque id; the mobile is kept only as a "
                    + "keyed hash (to sign in with it) and masked. A wrong, expired or used-up code is refused "
                    + "(400), and a few wrong codes void it.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"mobile":"13800138000","code":"204816","password":"a long passphrase","displayName":"刘桂芳"}""")))
    @ApiResponse(responseCode = "201", description = "The account: subject and masked mobile")
    @ApiResponse(responseCode = "400", description = "Bad input, or a wrong, expired or used-up code")
    SignUps.Confirmed confirm(@Valid @RequestBody Confirm request) {
        return signUps.confirm(request.mobile(), request.code(), request.password(), request.displayName());
    }
}
