from otpvirt.cli.main import main

main()
