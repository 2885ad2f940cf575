package io.tidemark.lab;

/** The client protocols the front end proxies, each with its HttpProxy log folder. */
enum Protocol {
  OWA("Owa", Sink.HPX_OWA),
  EWS("Ews", Sink.HPX_EWS),
  EAS("Eas", Sink.HPX_EAS),
  MAPI("Mapi", Sink.HPX_MAPI),
  AUTODISCOVER("Autodiscover", Sink.HPX_AUTODISCOVER),
  ECP("Ecp", Sink.HPX_ECP),
  POWERSHELL("PowerShell", Sink.HPX_POWERSHELL),
  OAB("Oab", Sink.HPX_OAB),
  RPCHTTP("RpcHttp", Sink.HPX_RPCHTTP);

  private final String logName;
  private final Sink sink;

  Protocol(String logName, Sink sink) {
    this.logName = logName;
    this.sink = sink;
  }

  /** The {@code Protocol} column value. */
  String logName() {
    return logName;
  }

  Sink sink() {
    return sink;
  }
}
