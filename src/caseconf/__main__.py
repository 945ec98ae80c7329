from caseconf.cli.main import main

raise SystemExit(main())
