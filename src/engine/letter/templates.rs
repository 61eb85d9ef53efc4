//! The letters themselves, in English and Spanish, as text with `{slot}` placeholders
//! (see `slots.rs`). Wording lives here and only here; adding a language means adding
//! a column, not code.

use crate::engine::locale::Text;

pub(super) struct Template {
    pub(super) subject: Text<&'static str>,
    /// The letter to send.
    pub(super) body: Text<&'static str>,
    /// How to send it; for the cardholder, not part of the letter.
    pub(super) note: Text<&'static str>,
    /// The rules the letter relies on, as written in the body.
    pub(super) cites: &'static [&'static str],
}

/// Indexed by `LetterKind as usize`.
pub(super) static TEMPLATES: [Template; 4] = [
    BILLING_ERROR_NOTICE,
    CREDIT_BALANCE_REFUND,
    ADVERSE_ACTION_REASONS,
    DISPUTE_REQUEST,
];

/// After the 60 days: no billing-error claims (they would be wrong, and could lead the
/// cardholder to withhold payment), a request to investigate and to use the card
/// network's dispute process, and a promise to keep paying.
const DISPUTE_REQUEST: Template = Template {
    cites: &[],
    subject: Text {
        en: "Request to look into a charge: account ending in {last4}",
        es: "Solicitud para revisar un cargo: cuenta que termina en {last4}",
    },
    body: Text {
        en: "\
{name}
{address}

{today}

{issuer_name}
{issuer_address}

Re: Request to look into a charge, account ending in {last4}

To whom it may concern:

I am asking you to look into a charge on my credit card account ending in {last4}, which appears on my statement dated {statement_date}.

Date of the charge: {charge_date}
Amount: {amount}
Merchant or description: {merchant}

Problem: {reason}

Details: {details}

Please investigate this charge and, if you agree that it is wrong, reverse it together with any interest and fees charged on it. If your card network's dispute rules allow, please also dispute the charge with the merchant's bank on my behalf.

Please tell me in writing what you decide and why. I will keep making at least my minimum payments while you look into it.

Sincerely,


______________________________
{name}
",
        es: "\
{name}
{address}

{today}

{issuer_name}
{issuer_address}

Asunto: Solicitud para revisar un cargo, cuenta que termina en {last4}

A quien corresponda:

Les pido que revisen un cargo en mi cuenta de tarjeta de crédito que termina en {last4}, que aparece en mi estado de cuenta con fecha {statement_date}.

Fecha del cargo: {charge_date}
Monto: {amount}
Comercio o descripción: {merchant}

Problema: {reason}

Detalles: {details}

Les pido que investiguen este cargo y, si están de acuerdo en que es incorrecto, que lo anulen junto con los intereses y comisiones cobrados sobre él. Si las reglas de disputa de su red de tarjetas lo permiten, les pido también que disputen el cargo con el banco del comercio en mi nombre.

Les pido que me informen por escrito qué deciden y por qué. Seguiré haciendo por lo menos mis pagos mínimos mientras lo revisan.

Atentamente,


______________________________
{name}
",
    },
    note: Text {
        en: "\
Send it by secure message, through the card company's dispute form, or by mail to its customer service address, and keep a copy. \
No law sets a deadline for this request, but card networks limit how long after a purchase your card company can dispute it, so send it soon. \
This request does not put the charge on hold: keep paying at least your minimum payment, disputed amount included, to avoid late fees.",
        es: "\
Envíela por mensaje seguro, con el formulario de disputas de la compañía o por correo a su dirección de servicio al cliente, y guarde una copia. \
Ninguna ley fija un plazo para esta solicitud, pero las redes de tarjetas limitan el tiempo que tiene su compañía para disputar una compra, así que envíela pronto. \
Esta solicitud no deja el cargo en suspenso: siga pagando por lo menos el pago mínimo, incluido el monto en disputa, para evitar cargos por atraso.",
    },
};

const BILLING_ERROR_NOTICE: Template = Template {
    cites: &["15 U.S.C. 1666", "12 CFR 1026.13", "15 U.S.C. 1666a", "12 CFR 1026.13(d)"],
    subject: Text {
        en: "Billing error notice: account ending in {last4}",
        es: "Aviso de error de facturación: cuenta que termina en {last4}",
    },
    body: Text {
        en: "\
{name}
{address}

{today}

{issuer_name}
{billing_error_address}

Re: Billing error notice, account ending in {last4}

To whom it may concern:

I am writing to dispute a billing error on my credit card account ending in {last4}. The error appears on my statement dated {statement_date}.

Date of the charge: {charge_date}
Amount: {amount}
Merchant or description: {merchant}

Problem: {reason}

Details: {details}

Under the Fair Credit Billing Act (15 U.S.C. 1666) and Regulation Z (12 CFR 1026.13), I ask that you:
- correct the error and credit my account for the disputed amount and any related finance charges and fees;
- confirm the correction to me in writing or, if you conclude that there was no error, explain your reasons in writing; and
- send me copies of the documents you rely on.

Please acknowledge this notice in writing within 30 days of receiving it, and resolve it within two complete billing cycles (and in no case more than 90 days) after receiving it.

While you investigate, I understand that I do not have to pay the disputed amount or related charges, that you may not try to collect them, and that you may not report that amount as delinquent to anyone (15 U.S.C. 1666a; 12 CFR 1026.13(d)). I will keep paying the part of my balance that is not in dispute.

Sincerely,


______________________________
{name}
",
        es: "\
{name}
{address}

{today}

{issuer_name}
{billing_error_address}

Asunto: Aviso de error de facturación, cuenta que termina en {last4}

A quien corresponda:

Por medio de la presente les notifico un error de facturación en mi cuenta de tarjeta de crédito que termina en {last4}. El error aparece en mi estado de cuenta con fecha {statement_date}.

Fecha del cargo: {charge_date}
Monto: {amount}
Comercio o descripción: {merchant}

Problema: {reason}

Detalles: {details}

Conforme a la Ley de Facturación Justa de Crédito (Fair Credit Billing Act, 15 U.S.C. 1666) y al Reglamento Z (12 CFR 1026.13), les pido que:
- corrijan el error y acrediten en mi cuenta el monto en disputa y los cargos financieros y comisiones relacionados;
- me confirmen la corrección por escrito o, si concluyen que no hubo error, me expliquen sus razones por escrito; y
- me envíen copias de los documentos en que se basen.

Les pido que acusen recibo de este aviso por escrito dentro de los 30 días siguientes a su recepción, y que lo resuelvan dentro de dos ciclos de facturación completos (y en ningún caso después de 90 días) a partir de su recepción.

Entiendo que, mientras investigan, no tengo que pagar el monto en disputa ni los cargos relacionados, que no pueden intentar cobrarlos y que no pueden reportar ese monto como moroso a nadie (15 U.S.C. 1666a; 12 CFR 1026.13(d)). Seguiré pagando la parte de mi saldo que no está en disputa.

Atentamente,


______________________________
{name}
",
    },
    note: Text {
        en: "\
Mail this notice to the billing-error address (the address for billing inquiries on your statement), not to the payment address. \
Use a trackable method, such as certified mail with return receipt, so that the card issuer receives it by {receive_by}: \
the deadline is when they receive it, not when you mail it. \
A phone call does not protect these rights. Send it online only if your issuer's billing-rights notice says it accepts billing-error notices that way. \
Enclose copies, not originals, of receipts or other documents, and keep a copy of everything you send.",
        es: "\
Envíe este aviso por correo a la dirección para errores de facturación (la dirección para consultas de facturación que aparece en su estado de cuenta), no a la dirección de pagos. \
Use un método con seguimiento, como correo certificado con acuse de recibo, para que el emisor de la tarjeta lo reciba a más tardar el {receive_by}: \
lo que cuenta es la fecha en que lo reciben, no la fecha en que usted lo envía. \
Una llamada telefónica no protege estos derechos. Envíelo por internet solo si el aviso de derechos de facturación de su emisor dice que acepta avisos de errores de facturación por ese medio. \
Adjunte copias (no originales) de recibos u otros documentos y guarde una copia de todo lo que envíe. \
Si su emisor no atiende correspondencia en español, envíe la versión en inglés de esta carta.",
    },
};

const CREDIT_BALANCE_REFUND: Template = Template {
    cites: &["12 CFR 1026.11(a)(2)"],
    subject: Text {
        en: "Request for refund of credit balance: account ending in {last4}",
        es: "Solicitud de reembolso de saldo a favor: cuenta que termina en {last4}",
    },
    body: Text {
        en: "\
{name}
{address}

{today}

{issuer_name}
{issuer_address}

Re: Request for refund of credit balance, account ending in {last4}

To whom it may concern:

My credit card account ending in {last4} has a credit balance of {amount}. I ask that you refund it to me.

Under Regulation Z (12 CFR 1026.11(a)(2)), a card issuer must refund a credit balance within seven business days after receiving a written request from the cardholder. This letter is my written request.

Please send the refund {refund_method}. If the credit balance has changed by the time you make the refund, please refund the balance remaining at that time.

Sincerely,


______________________________
{name}
",
        es: "\
{name}
{address}

{today}

{issuer_name}
{issuer_address}

Asunto: Solicitud de reembolso de saldo a favor, cuenta que termina en {last4}

A quien corresponda:

Mi cuenta de tarjeta de crédito que termina en {last4} tiene un saldo a favor de {amount}. Les pido que me lo reembolsen.

Conforme al Reglamento Z (12 CFR 1026.11(a)(2)), el emisor de una tarjeta debe reembolsar un saldo a favor dentro de los siete días hábiles siguientes a la recepción de una solicitud por escrito del titular. Esta carta es mi solicitud por escrito.

Les pido que me envíen el reembolso {refund_method}. Si el saldo a favor cambió para cuando hagan el reembolso, les pido que reembolsen el saldo que quede en ese momento.

Atentamente,


______________________________
{name}
",
    },
    note: Text {
        en: "\
Send this request in writing. A phone request may also get you a refund, but only a written request starts the 7-business-day deadline. \
Mail it to the card issuer's address for letters (see your statement or the issuer's website) by a trackable method, so you know the day they receive it. \
Keep a copy.",
        es: "\
Envíe esta solicitud por escrito. Una solicitud por teléfono también puede conseguirle un reembolso, pero solo una solicitud por escrito inicia el plazo de 7 días hábiles. \
Envíela por correo a la dirección del emisor para correspondencia (consulte su estado de cuenta o el sitio web del emisor) con un método con seguimiento, para saber qué día la reciben. \
Guarde una copia. \
Si su emisor no atiende correspondencia en español, envíe la versión en inglés de esta carta.",
    },
};

const ADVERSE_ACTION_REASONS: Template = Template {
    cites: &["15 U.S.C. 1691(d)", "12 CFR 1002.9(a)(2)"],
    subject: Text {
        en: "Request for the specific reasons for adverse action: account ending in {last4}",
        es: "Solicitud de las razones específicas de una acción adversa: cuenta que termina en {last4}",
    },
    body: Text {
        en: "\
{name}
{address}

{today}

{issuer_name}
{issuer_address}

Re: Request for a statement of specific reasons, account ending in {last4}

To whom it may concern:

In a notice dated {notice_date}, you told me that you had {adverse_action}.

Under the Equal Credit Opportunity Act (15 U.S.C. 1691(d)) and Regulation B (12 CFR 1002.9(a)(2)), I request a statement of the specific reasons for this action. When a request is made within 60 days of the notice, the creditor must provide the statement within 30 days after receiving the request.

Please send the statement to my address above.

Sincerely,


______________________________
{name}
",
        es: "\
{name}
{address}

{today}

{issuer_name}
{issuer_address}

Asunto: Solicitud de una declaración de las razones específicas, cuenta que termina en {last4}

A quien corresponda:

En un aviso con fecha {notice_date}, me informaron que habían {adverse_action}.

Conforme a la Ley de Igualdad de Oportunidades de Crédito (Equal Credit Opportunity Act, 15 U.S.C. 1691(d)) y al Reglamento B (12 CFR 1002.9(a)(2)), solicito una declaración de las razones específicas de esta acción. Cuando la solicitud se hace dentro de los 60 días siguientes al aviso, el acreedor debe entregar la declaración dentro de los 30 días siguientes a la recepción de la solicitud.

Les pido que me envíen la declaración a mi dirección indicada arriba.

Atentamente,


______________________________
{name}
",
    },
    note: Text {
        en: "\
Send this request so that the creditor receives it by {receive_by}, within 60 days of its notice. \
Use the address given in the notice (or the issuer's address for letters) and a trackable method. \
If you applied for new credit and have no account number, replace the account line with the date of your application. \
Keep a copy of the notice and of this letter.",
        es: "\
Envíe esta solicitud de modo que el acreedor la reciba a más tardar el {receive_by}, dentro de los 60 días siguientes a su aviso. \
Use la dirección que aparece en el aviso (o la dirección del emisor para correspondencia) y un método con seguimiento. \
Si solicitó un crédito nuevo y no tiene número de cuenta, reemplace la línea de la cuenta por la fecha de su solicitud. \
Guarde una copia del aviso y de esta carta. \
Si su emisor no atiende correspondencia en español, envíe la versión en inglés de esta carta.",
    },
};
